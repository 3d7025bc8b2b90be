import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_COLUMNS, parseTableFile, parseXlsx } from '../../../src/main/core/import/table';
import { cellText } from '../../../src/main/core/import/table-xlsx';

async function book(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function table(build: (wb: ExcelJS.Workbook) => void) {
  const r = await parseXlsx(await book(build));
  if (!r.ok) throw new Error(`expected a table, got ${r.error.code}`);
  return r.table;
}

describe('parseXlsx', () => {
  it('reads a plain sheet with typed cells', async () => {
    const t = await table((wb) => {
      const ws = wb.addWorksheet('名单');
      ws.addRow(['姓名', '出生日期', '金融资产', '证件号码', '备注', 'VIP']);
      ws.addRow([
        { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] },
        new Date(Date.UTC(1975, 2, 8)),
        1234567.89,
        '11010519491231002X',
        { text: '官网', hyperlink: 'https://example.com' },
        true,
      ]);
    });
    expect(t.headers).toEqual(['姓名', '出生日期', '金融资产', '证件号码', '备注', 'VIP']);
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: ['张三', '1975-03-08', '1234567.89', '11010519491231002X', '官网', 'TRUE'], flags: [] },
    ]);
  });

  it('uses cached formula results and flags them; never evaluates', async () => {
    const t = await table((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['姓名', '存款', '金融资产']);
      ws.addRow(['张三', 100, { formula: 'B2*2', result: 200 }]);
      ws.addRow(['李四', 100, { formula: 'B3*2' }]); // saved without a cached value
    });
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: ['张三', '100', '200'], flags: [{ column: 2, flag: 'formula' }] },
      { rowNumber: 3, cells: ['李四', '100', ''], flags: [{ column: 2, flag: 'formula' }] },
    ]);
  });

  it('flags an ID that Excel stored as a number (digits beyond 2^53 are lost)', async () => {
    const t = await table((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['姓名', '证件号码']);
      ws.addRow(['张三', Number('440524188001010014')]); // what Excel keeps: 440524188001010000
    });
    expect(t.rows[0]!.flags).toEqual([{ column: 1, flag: 'imprecise_number' }]);
  });

  it('skips a title row, combines a merged group row, keeps merged values and row numbers', async () => {
    const t = await table((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = '2024年二季度客户名单';
      ws.mergeCells('A1:D1');
      ws.getCell('A2').value = '客户编号';
      ws.mergeCells('A2:A3');
      ws.getCell('B2').value = '基本信息';
      ws.mergeCells('B2:C2');
      ws.getCell('D2').value = '备注';
      ['姓名', '手机'].forEach((v, i) => (ws.getCell(3, 2 + i).value = v));
      ['C1', '张三', '13812345678', '老客户'].forEach((v, i) => (ws.getCell(5, 1 + i).value = v));
      ['C2', '李四', '13912345678', ''].forEach((v, i) => (ws.getCell(8, 1 + i).value = v));
    });
    expect(t.headers).toEqual(['客户编号', '基本信息/姓名', '基本信息/手机', '备注']);
    expect(t.headerRowNumber).toBe(2);
    expect(t.rows.map((r) => [r.rowNumber, r.cells])).toEqual([
      [5, ['C1', '张三', '13812345678', '老客户']],
      [8, ['C2', '李四', '13912345678', '']],
    ]);
  });

  it('reads the first visible sheet that has data', async () => {
    const t = await table((wb) => {
      wb.addWorksheet('空白');
      const hidden = wb.addWorksheet('下拉选项', { state: 'hidden' });
      hidden.addRow(['个人', '企业']);
      wb.addWorksheet('客户').addRow(['姓名']);
    });
    expect(t.headers).toEqual(['姓名']);
  });

  it('rejects duplicate headers with their column', async () => {
    const r = await parseXlsx(await book((wb) => wb.addWorksheet('S').addRow(['姓名', '手机', '手机'])));
    expect(r).toMatchObject({ ok: false, error: { code: 'HEADER_DUPLICATE', row: 1, column: 3, header: '手机' } });
  });

  it(`rejects more than ${MAX_COLUMNS} columns and empty workbooks`, async () => {
    const wide = await book((wb) => wb.addWorksheet('S').addRow(Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`)));
    expect(await parseXlsx(wide)).toMatchObject({ ok: false, error: { code: 'TABLE_TOO_MANY_COLUMNS' } });
    const empty = await book((wb) => wb.addWorksheet('S'));
    expect(await parseXlsx(empty)).toMatchObject({ ok: false, error: { code: 'TABLE_EMPTY' } });
  });

  it('is chosen by content through parseTableFile', async () => {
    const bytes = await book((wb) => wb.addWorksheet('S').addRow(['姓名']));
    expect(await parseTableFile(bytes)).toMatchObject({ ok: true, source: { format: 'xlsx' } });
  });
});

describe('cellText', () => {
  it.each<[ExcelJS.CellValue, string]>([
    [null, ''],
    ['文本', '文本'],
    [42, '42'],
    [0.29, '0.29'],
    [false, 'FALSE'],
    [new Date(Date.UTC(2023, 1, 28)), '2023-02-28'],
    [{ error: '#N/A' } as ExcelJS.CellErrorValue, '#N/A'],
    [{ text: { richText: [{ text: '链' }, { text: '接' }] }, hyperlink: 'https://example.com' } as unknown as ExcelJS.CellValue, '链接'],
    [{ sharedFormula: 'A1', result: new Date(Date.UTC(2024, 0, 1)) } as unknown as ExcelJS.CellValue, '2024-01-01'],
  ])('%j → %s', (value, text) => expect(cellText(value).text).toBe(text));
});
