import { describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { errorMessage, translate } from '../../src/shared/i18n';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('messages', () => {
  it('zh-CN and en have the same keys and placeholders', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    for (const k of keys(zhCN)) {
      const ph = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(ph(translate('en', k)), k).toEqual(ph(translate('zh-CN', k)));
    }
  });

  it('errors name the field and reason in the user language', () => {
    expect(errorMessage('zh-CN', { code: 'WEAK_PASSPHRASE', reason: 'TOO_SHORT,TOO_FEW_CLASSES' })).toBe('口令强度不足：至少 12 个字符；需包含大写、小写、数字、符号中的至少三类');
    expect(errorMessage('en', { code: 'SCHEMA_TOO_NEW', params: { found: 9, supported: 2 } })).toContain('schema 9, this build supports 2');
    expect(errorMessage('zh-CN', { code: 'INVALID_INPUT', field: 'managerId', reason: 'too_small' })).toBe('输入无效：managerId（too_small）');
  });
});

describe('record and file errors', () => {
  it('name the field and the reason in words', () => {
    expect(errorMessage('zh-CN', { code: 'CLIENT_INVALID', field: 'idNumber', reason: 'ID_CHECKSUM' })).toMatch(/^客户资料有误.*：证件号码 · .*校验/);
    expect(errorMessage('en', { code: 'IMPORT_ROWS_INVALID', field: 'id_number', reason: 'ID_CHECKSUM', params: { row: 3, count: 1 } })).toMatch(/row 3 · .*ID.* · /i);
    expect(errorMessage('zh-CN', { code: 'IMPORT_FILE', field: 'file', reason: 'FILE_BINARY' })).toContain('这不是表格文件');
  });
});
