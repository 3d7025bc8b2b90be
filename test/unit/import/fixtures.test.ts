// End to end over the committed fixture files (made by make-fixtures.ts the way real
// files are made): bytes → decode → table → autoMap → validateRow → duplicates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/main/core/import/decode';
import { autoMap, validateRow } from '../../../src/main/core/import/mapping';
import { checkImportFile, type ImportCheck } from '../../../src/main/core/import/pipeline';
import { parseCsv } from '../../../src/main/core/import/table';

const TODAY = '2024-06-01';
const fixture = (name: string): Uint8Array => readFileSync(join(__dirname, '../../fixtures/import', name));

async function run(name: string): Promise<ImportCheck> {
  const r = await checkImportFile(fixture(name), TODAY);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
  return r.check;
}
/** Each row as [rowNumber, [field, code][]] — the exact report the RM sees. */
const report = (c: ImportCheck) => c.rows.map((r) => [r.rowNumber, r.errors.map((e) => [e.field, e.code])]);

describe('gbk-excel.csv (GBK, CRLF, no BOM)', () => {
  it('goes through each step by hand', () => {
    const decoded = decodeText(fixture('gbk-excel.csv'));
    expect(decoded).toMatchObject({ ok: true, encoding: 'gb18030' });
    if (!decoded.ok) return;
    expect(decoded.text).toContain('\r\n');
    const table = parseCsv(decoded.text);
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    const { mapping, unknown } = autoMap(table.table.headers);
    expect(unknown).toEqual([]);
    const results = table.table.rows.map((row) => validateRow(row.cells, mapping, TODAY, row.flags));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
  });

  it('yields the exact drafts', async () => {
    const c = await run('gbk-excel.csv');
    expect(c.source).toEqual({ format: 'csv', encoding: 'gb18030', delimiter: ',' });
    expect(c.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(c.rows.map((r) => r.draft)).toEqual([
      {
        clientNo: 'C0001', name: '张伟', kind: 'person', sex: 'M', birthDate: '1975-03-08', birthdayCalendar: 'solar',
        lunarBirthday: null, idType: 'resident_id', idNumber: '110105197503080116', idExpiry: { kind: 'long_term' },
        mobile: '13912345678', email: null, address: '北京市朝阳区建国路88号,SOHO现代城5号楼1201', occupation: null,
        aumFen: 123456789, depositsFen: 30000000, loanBalanceFen: null, cardSpend12mFen: null, revenue12mFen: null,
        products: ['理财', '基金'], riskGrade: 'low', relationshipStart: '2012-05-20', tags: [], notes: '周末不打电话', potential: 5,
      },
      {
        clientNo: 'C0002', name: '李秀英', kind: 'person', sex: 'F', birthDate: '1962-08-15', birthdayCalendar: 'lunar',
        lunarBirthday: { month: 7, day: 18, leap: false }, idType: 'resident_id', idNumber: '440106196208150247',
        idExpiry: { kind: 'date', date: '2030-08-15' }, mobile: '13502468100', email: null, address: '广东省广州市天河区天河路385号',
        occupation: null, aumFen: 52000000, depositsFen: 20000000, loanBalanceFen: null, cardSpend12mFen: null, revenue12mFen: null,
        products: ['定期存款', '国债'], riskGrade: 'medium', relationshipStart: '2015-04-01', tags: [], notes: '喜欢上午联系', potential: 4,
      },
      {
        clientNo: 'C0003', name: '深圳市华南精密五金制品有限公司', kind: 'company', sex: null, birthDate: null, birthdayCalendar: 'solar',
        lunarBirthday: null, idType: 'uscc', idNumber: '91440300MA5F0K3R2H', idExpiry: null, mobile: '13602468135', email: null,
        address: '广东省深圳市宝安区福永街道凤凰第一工业区A栋', occupation: null, aumFen: 300000000, depositsFen: 150000000,
        loanBalanceFen: null, cardSpend12mFen: null, revenue12mFen: null, products: ['对公结算', '代发工资'], riskGrade: 'medium_high',
        relationshipStart: '2019-11-20', tags: [], notes: null, potential: 3,
      },
    ]);
    expect(c.duplicates).toEqual([]);
  });
});

describe('utf8-bom.csv (English headers, rare character)', () => {
  it('keeps 王𬱖 intact and maps English headers', async () => {
    const c = await run('utf8-bom.csv');
    expect(c.source).toEqual({ format: 'csv', encoding: 'utf-8-bom', delimiter: ',' });
    expect(c.headers[0]).toBe('Name'); // BOM gone
    expect(c.unknownHeaders).toEqual([]);
    expect(report(c)).toEqual([[2, []], [3, []]]);
    expect(c.rows[0]!.draft).toMatchObject({
      name: '王𬱖', clientNo: 'C0101', mobile: '18612345678', idNumber: '320506198811021355', birthDate: '1988-11-02', sex: 'M',
      birthdayCalendar: 'lunar', lunarBirthday: { month: 4, day: 15, leap: true }, aumFen: 8800050, tags: ['老客户', '代发'],
    });
    expect(c.rows[1]!.draft).toMatchObject({
      name: '陈静', idNumber: '33010619900618042X', birthDate: '1990-06-18', sex: 'F', email: 'CHEN.JING@example.com', aumFen: 20000000,
    });
  });
});

describe('merged-header.xlsx', () => {
  it('combines the group row, skips blank rows and keeps sheet row numbers', async () => {
    const c = await run('merged-header.xlsx');
    expect(c.source).toEqual({ format: 'xlsx' });
    expect(c.headers).toEqual([
      '客户编号', '基本信息/姓名', '基本信息/性别', '基本信息/出生日期', '证件/证件类型', '证件/证件号码',
      '资产（元）/金融资产', '资产（元）/存款', '联系方式/手机', '联系方式/电子邮箱',
    ]);
    expect(c.unknownHeaders).toEqual([]);
    expect(report(c)).toEqual([
      [3, []],
      [4, []],
      [6, [['id_number', 'ID_PRECISION_LOST']]], // the ID was typed into a General (number) cell
      [9, []],
    ]);
    expect(c.rows[0]!.draft).toMatchObject({
      clientNo: 'C0201', name: '张伟', birthDate: '1975-03-08', aumFen: 123456789, email: 'zhang.wei@example.com',
    });
    expect(c.rows[1]!.draft).toMatchObject({ name: '李秀英', aumFen: 40000000, depositsFen: 20000000 });
    expect(c.rows[1]!.warnings).toEqual([{ field: 'aum', code: 'CELL_FORMULA_RESULT', reason: expect.any(String) }]);
    expect(c.rows[3]!.draft).toMatchObject({ clientNo: 'C0204', name: '周敏', birthDate: '1979-09-09', sex: 'F' });
  });
});

describe('bad-id.csv', () => {
  it('rejects only the row with the corrupted digit', async () => {
    expect(report(await run('bad-id.csv'))).toEqual([[2, []], [3, [['id_number', 'ID_CHECKSUM']]], [4, []]]);
  });
});

describe('bad-date.csv', () => {
  it('rejects 2023-02-30 and month 13 with their fields', async () => {
    expect(report(await run('bad-date.csv'))).toEqual([
      [2, []],
      [3, [['relationship_start', 'DATE_INVALID']]],
      [4, [['id_expiry', 'DATE_INVALID']]],
    ]);
  });
});

describe('duplicates.csv', () => {
  it('reports the same ID and the same name + mobile, pointing at the first row', async () => {
    const c = await run('duplicates.csv');
    expect(report(c)).toEqual([[2, []], [3, []], [4, []], [5, []]]);
    expect(c.duplicates).toEqual([
      { code: 'DUPLICATE_ID', field: 'id_number', row: 4, firstRow: 2 },
      { code: 'DUPLICATE_NAME_MOBILE', field: 'mobile', row: 5, firstRow: 3 },
    ]);
  });
});

describe('formula.csv', () => {
  it('never evaluates: text kept and flagged, typed cells rejected', async () => {
    const c = await run('formula.csv');
    expect(report(c)).toEqual([
      [2, []],
      [3, [['email', 'CELL_FORMULA']]],
      [4, [['aum', 'MONEY_NEGATIVE']]],
      [5, [['aum', 'CELL_FORMULA']]],
    ]);
    expect(c.rows[0]!.draft).toMatchObject({ name: '赵敏', notes: '=1+1', aumFen: 5000000 });
    expect(c.rows.map((r) => r.warnings.map((w) => [w.field, w.code]))).toEqual([
      [['notes', 'CELL_FORMULA']],
      [],
      [['occupation', 'CELL_FORMULA']],
      [],
    ]);
  });
});

describe('binary.csv (a PNG renamed)', () => {
  it('is refused as binary', async () => {
    expect(await checkImportFile(fixture('binary.csv'), TODAY)).toMatchObject({ ok: false, error: { code: 'FILE_BINARY' } });
  });
});
