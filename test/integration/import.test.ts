import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, makeCore, tempDir, type Harness } from '../helpers/core';

let tmp: ReturnType<typeof tempDir>;
let h: Harness;

const fixture = (name: string) => ({ fileName: name, contentBase64: readFileSync(join('test/fixtures/import', name)).toString('base64') });

beforeEach(async () => {
  tmp = tempDir();
  h = makeCore(join(tmp.dir, 'ws'));
  await createWorkspace(h);
});
afterEach(() => {
  h.core.dispose();
  tmp.cleanup();
});

async function snapshot() {
  return (await h.call('clients.list', { sort: 'name', order: 'asc', limit: 5000 })).rows;
}

describe('import of HQ extracts', () => {
  it('reads a GBK CSV as Excel on Chinese Windows writes it', async () => {
    const p = await h.call('import.preview', fixture('gbk-excel.csv'));
    expect(p.encoding).toBe('gb18030');
    expect(p.missingRequired).toEqual([]);
    expect(p.counts.invalid).toBe(0);
    const r = await h.call('import.commit', fixture('gbk-excel.csv'));
    expect(r.imported).toBe(p.counts.valid);
    const zhang = (await h.call('clients.list', { query: '张伟' })).rows[0]!;
    const d = await h.call('clients.get', { id: zhang.id });
    expect(d).toMatchObject({ clientNo: 'C0001', birthDate: '1975-03-08', idLongTerm: true, aumFen: 123_456_789, products: ['理财', '基金'] });
    expect(d.masked.addressResidence).toMatch(/^北京市朝阳区\*+/);
    const li = (await h.call('clients.list', { query: 'lxy' })).rows[0]!;
    expect(await h.call('clients.get', { id: li.id })).toMatchObject({ birthdayCalendar: 'lunar', lunarMonth: 7, lunarDay: 18, lunarLeap: false });
  });

  it('reads a UTF-8 CSV with BOM and an XLSX with merged header cells and blank rows', async () => {
    const bom = await h.call('import.preview', fixture('utf8-bom.csv'));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.headers[0]).not.toMatch(/^\uFEFF/);
    const x = await h.call('import.preview', fixture('merged-header.xlsx'));
    expect(x.format).toBe('xlsx');
    expect(x.missingRequired).toEqual([]);
    expect(x.counts.valid).toBeGreaterThan(0);
    const r = await h.call('import.commit', fixture('merged-header.xlsx'));
    expect(r.imported).toBe(x.counts.valid);
  });

  it('lists per-row errors with row number, field and reason; commits only valid rows; strict commits nothing', async () => {
    const p = await h.call('import.preview', fixture('bad-id.csv'));
    expect(p.errors).toEqual([{ row: 3, field: 'id_number', code: 'ID_CHECKSUM' }]);
    const strict = await h.router.handle('import.commit', { ...fixture('bad-id.csv'), strict: true });
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.error).toMatchObject({ code: 'IMPORT_ROWS_INVALID', field: 'id_number', reason: 'ID_CHECKSUM', params: { row: 3 } });
    expect(await snapshot()).toEqual([]);
    const r = await h.call('import.commit', fixture('bad-id.csv'));
    expect(r).toMatchObject({ imported: 2, invalid: 1 });
  });

  it('refuses a non-existent date with the row and field', async () => {
    const p = await h.call('import.preview', fixture('bad-date.csv'));
    expect(p.errors.some((e) => e.code === 'DATE_INVALID')).toBe(true);
  });

  it('finds duplicates in the file and in the book; skip or merge', async () => {
    const p = await h.call('import.preview', fixture('duplicates.csv'));
    expect(p.duplicates.map((d) => [d.row, d.matchBy, d.otherRow])).toEqual([[4, 'id', 2], [5, 'name_mobile', 3]]);
    const skip = await h.call('import.commit', { ...fixture('duplicates.csv'), onDuplicate: 'skip' });
    expect(skip).toMatchObject({ imported: 2, skipped: 2 });
    const again = await h.call('import.preview', fixture('duplicates.csv'));
    expect(again.duplicates.filter((d) => d.existingClientId).map((d) => d.row)).toEqual([2, 3]);
    const merge = await h.call('import.commit', { ...fixture('duplicates.csv'), onDuplicate: 'merge' });
    expect(merge).toMatchObject({ imported: 0, merged: 4 });
    expect((await snapshot()).length).toBe(2);
  });

  it('never evaluates formula-looking cells', async () => {
    const p = await h.call('import.preview', fixture('formula.csv'));
    expect(p.warnings.length + p.errors.length).toBeGreaterThan(0);
    await h.call('import.commit', fixture('formula.csv'));
    const zhao = (await h.call('clients.list', { query: '赵敏' })).rows[0]!;
    expect((await h.call('clients.get', { id: zhao.id })).notes).toBe('=1+1');
  });

  it('rejects a binary file renamed .csv with a clear error, store unchanged, audit unchanged', async () => {
    const before = (await h.call('audit.list', {})).total;
    const r = await h.router.handle('import.commit', fixture('binary.csv'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'IMPORT_FILE', reason: 'FILE_BINARY' });
    expect(await snapshot()).toEqual([]);
    expect((await h.call('audit.list', {})).total).toBe(before);
  });

  it('audits the import with the file hash and counts, never the rows', async () => {
    const r = await h.call('import.commit', fixture('gbk-excel.csv'));
    const e = (await h.call('audit.list', { action: 'client.import' })).entries[0]!;
    expect(e.details).toMatchObject({ fileSha256: r.fileSha256, imported: r.imported });
    expect(JSON.stringify(e)).not.toContain('张伟');
  });

  it('remembers a manual mapping per header set', async () => {
    const p = await h.call('import.preview', fixture('bad-id.csv'));
    const mapping = { ...p.mapping };
    delete mapping['mobile'];
    await h.call('import.commit', { ...fixture('bad-id.csv'), mapping, rememberMapping: true });
    const again = await h.call('import.preview', fixture('bad-id.csv'));
    expect(again.mappingSource).toBe('remembered');
    expect(again.mapping['mobile']).toBeUndefined();
    // A later commit of the same headers, given no mapping, reads the file by the remembered one.
    for (const c of await snapshot()) await h.call('clients.delete', { id: c.id });
    const r = await h.call('import.commit', fixture('bad-id.csv'));
    expect(r.imported).toBe(2);
    const db = h.core.workspace.requireSession().db;
    expect(db.prepare('SELECT count(*) FROM clients WHERE mobile IS NOT NULL').pluck().get()).toBe(0);
  });

  it('refuses a file without a name column on commit, naming the field, and writes nothing (CSV and XLSX)', async () => {
    const csv = Buffer.from('\uFEFF手机号码,证件号码\r\n13812345678,110101199003074258\r\n', 'utf8');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('客户');
    sheet.addRow(['手机号码', '证件号码']);
    sheet.addRow(['13812345678', '110101199003074258']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    for (const [fileName, bytes] of [['x.csv', csv], ['x.xlsx', xlsx]] as const) {
      const r = await h.router.handle('import.commit', { fileName, contentBase64: bytes.toString('base64') });
      expect(r, fileName).toMatchObject({ ok: false, error: { code: 'IMPORT_FILE', field: 'name', reason: 'COLUMN_MISSING' } });
    }
    expect(await snapshot()).toEqual([]);
  });
});
