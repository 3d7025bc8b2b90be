import { describe, expect, it } from 'vitest';
import { MAX_CELL_LENGTH, MAX_COLUMNS, MAX_ROWS, parseCsv, parseTableFile } from '../../../src/main/core/import/table';

const ok = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`expected a table, got ${r.error.code}`);
  return { ...r.table, delimiter: r.delimiter };
};
const cellsOf = (text: string) => ok(text).rows.map((r) => [r.rowNumber, r.cells]);

describe('parseCsv', () => {
  it.each([
    [',', '姓名,手机,地址\n张三,13812345678,北京市\n'],
    ['\t', '姓名\t手机\t地址\n张三\t13812345678\t北京市\n'],
    [';', '姓名;手机;地址\n张三;13812345678;北京市\n'],
  ])('guesses the delimiter %j', (delimiter, text) => {
    const t = ok(text);
    expect(t.delimiter).toBe(delimiter);
    expect(t.headers).toEqual(['姓名', '手机', '地址']);
    expect(t.rows).toEqual([{ rowNumber: 2, cells: ['张三', '13812345678', '北京市'], flags: [] }]);
  });

  it('prefers tab when addresses hold unquoted commas', () => {
    const t = ok('姓名\t地址\n张三\t北京市朝阳区,建国路\n李四\t上海市,浦东新区\n');
    expect(t.delimiter).toBe('\t');
    expect(t.rows.map((r) => r.cells[1])).toEqual(['北京市朝阳区,建国路', '上海市,浦东新区']);
  });

  it('handles quotes: delimiters, doubled quotes and newlines inside a field', () => {
    expect(cellsOf('姓名,备注\n张三,"喜欢""理财"",周末联系"\n李四,"第一行\r\n第二行"\n')).toEqual([
      [2, ['张三', '喜欢"理财",周末联系']],
      [3, ['李四', '第一行\n第二行']],
    ]);
  });

  it('accepts mixed CRLF, LF and CR line endings', () => {
    expect(cellsOf('姓名,手机\r\n张三,1\n李四,2\r王五,3\r\n')).toEqual([
      [2, ['张三', '1']],
      [3, ['李四', '2']],
      [4, ['王五', '3']],
    ]);
  });

  it('reads a file written with CRLF only (parsed as it is) as the same table as its LF form', () => {
    const lf = '\n姓名,备注,手机\n张三,"第一行\n第二行",1\n\n,,\n李四,"甲,乙",2\n\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(cellsOf(crlf)).toEqual(cellsOf(lf));
    expect(cellsOf(crlf)).toEqual([
      [3, ['张三', '第一行\n第二行', '1']],
      [6, ['李四', '甲,乙', '2']],
    ]);
    expect(ok(crlf).headerRowNumber).toBe(2);
  });

  it('skips blank rows but keeps the row numbers Excel shows', () => {
    expect(cellsOf('\n姓名,手机\n张三,1\n\n,\n  ,  \n李四,2\n\n')).toEqual([
      [3, ['张三', '1']],
      [7, ['李四', '2']],
    ]);
    expect(ok('\n姓名,手机\n张三,1\n').headerRowNumber).toBe(2);
  });

  it("trims cells, strips Excel's leading ' and unwraps =\"…\" literals", () => {
    expect(cellsOf("姓名,证件号码,客户编号\n  张三 ,'11010519491231002X,=\"00123\"\n")).toEqual([
      [2, ['张三', '11010519491231002X', '00123']],
    ]);
  });

  it('pads short rows and reports non-empty cells beyond the header', () => {
    const t = ok('姓名,手机,地址\n张三,1\n李四,2,北京,多余\n王五,3,上海,,\n');
    expect(t.rows.map((r) => r.cells)).toEqual([['张三', '1', ''], ['李四', '2', '北京'], ['王五', '3', '上海']]);
    expect(t.issues).toEqual([{ code: 'ROW_EXTRA_CELLS', row: 3 }]);
  });

  it('reports data under an empty header once', () => {
    const t = ok('姓名,,手机\n张三,x,1\n李四,y,2\n');
    expect(t.headers).toEqual(['姓名', '', '手机']);
    expect(t.issues).toEqual([{ code: 'HEADER_EMPTY', row: 2, column: 2 }]);
  });

  it('rejects duplicate headers naming the column', () => {
    expect(parseCsv('姓名,手机,姓名 \n张三,1,张三\n')).toMatchObject({
      ok: false,
      error: { code: 'HEADER_DUPLICATE', row: 1, column: 3, header: '姓名' },
    });
  });

  it('rejects an unterminated quote', () => {
    expect(parseCsv('姓名,备注\n张三,"没有结束\n李四,好\n')).toMatchObject({ ok: false, error: { code: 'CSV_QUOTES' } });
  });

  it('an empty or all-blank file has no table', () => {
    expect(parseCsv('')).toMatchObject({ ok: false, error: { code: 'TABLE_EMPTY' } });
    expect(parseCsv('\n\n,,\n')).toMatchObject({ ok: false, error: { code: 'TABLE_EMPTY' } });
  });

  it('a header-only file has no rows', () => {
    expect(ok('姓名,手机\n').rows).toEqual([]);
  });
});

describe('size guards', () => {
  it(`more than ${MAX_COLUMNS} columns`, () => {
    const header = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(',');
    expect(parseCsv(`${header}\n1\n`)).toMatchObject({ ok: false, error: { code: 'TABLE_TOO_MANY_COLUMNS', row: 1 } });
    const wideRow = `a,b\n${'x,'.repeat(MAX_COLUMNS)}x\n`;
    expect(parseCsv(wideRow)).toMatchObject({ ok: false, error: { code: 'TABLE_TOO_MANY_COLUMNS', row: 2 } });
  });

  it(`exactly ${MAX_COLUMNS} columns is fine; trailing empty fields do not count`, () => {
    const header = Array.from({ length: MAX_COLUMNS }, (_, i) => `c${i}`).join(',');
    expect(parseCsv(`${header}${','.repeat(50)}\n1\n`).ok).toBe(true);
  });

  it(`a cell longer than ${MAX_CELL_LENGTH} characters`, () => {
    expect(parseCsv(`姓名,备注\n张三,${'长'.repeat(MAX_CELL_LENGTH + 1)}\n`)).toMatchObject({
      ok: false,
      error: { code: 'CELL_TOO_LONG', row: 2, column: 2 },
    });
    expect(parseCsv(`姓名,备注\n张三,${'长'.repeat(MAX_CELL_LENGTH)}\n`).ok).toBe(true);
  });

  it(`more than ${MAX_ROWS} data rows`, () => {
    const text = `姓名\n${'张三\n'.repeat(MAX_ROWS + 1)}`;
    expect(parseCsv(text)).toMatchObject({ ok: false, error: { code: 'TABLE_TOO_MANY_ROWS', row: MAX_ROWS + 2 } });
    expect(parseCsv(`姓名\n${'张三\n'.repeat(MAX_ROWS)}`).ok).toBe(true);
  });
});

describe('parseTableFile', () => {
  it('sniffs content, not names', async () => {
    expect(await parseTableFile(new Uint8Array())).toMatchObject({ ok: false, error: { code: 'FILE_EMPTY' } });
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await parseTableFile(ole)).toMatchObject({ ok: false, error: { code: 'FILE_XLS_LEGACY' } });
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]);
    expect(await parseTableFile(zip)).toMatchObject({ ok: false, error: { code: 'XLSX_UNREADABLE' } });
    const csv = new TextEncoder().encode('姓名\n张三\n');
    expect(await parseTableFile(csv)).toMatchObject({ ok: true, source: { format: 'csv', encoding: 'utf-8', delimiter: ',' } });
  });
});

describe('title rows', () => {
  it('skips a one-cell title line exported above the header', () => {
    const t = ok('2024年二季度客户名单,,\n\n姓名,手机,地址\n张三,1,北京\n');
    expect(t.headers).toEqual(['姓名', '手机', '地址']);
    expect(t.headerRowNumber).toBe(3);
    expect(t.rows).toEqual([{ rowNumber: 4, cells: ['张三', '1', '北京'], flags: [] }]);
  });

  it('keeps a one-column file as it is', () => {
    const t = ok('姓名\n张三\n李四\n');
    expect(t.headers).toEqual(['姓名']);
    expect(t.rows.map((r) => [r.rowNumber, r.cells])).toEqual([[2, ['张三']], [3, ['李四']]]);
    expect(ok('姓名\n').headers).toEqual(['姓名']);
  });
});
