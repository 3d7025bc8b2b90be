import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/main/core/import/decode';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('decodeText', () => {
  // Byte sequences from the encoding tables: 中文 is D6D0 CEC4 in GB2312/GBK and
  // E4B8AD E69687 in UTF-8; 𬱖 (U+2CC56) needs GB18030's four-byte form.
  it('reads GBK bytes (Excel "CSV" on Chinese Windows) as GB18030', () => {
    expect(decodeText(bytes(0xd6, 0xd0, 0xce, 0xc4))).toEqual({ ok: true, text: '中文', encoding: 'gb18030' });
  });

  it('reads UTF-8 without BOM', () => {
    expect(decodeText(bytes(0xe4, 0xb8, 0xad, 0xe6, 0x96, 0x87))).toEqual({ ok: true, text: '中文', encoding: 'utf-8' });
    expect(decodeText(new TextEncoder().encode('name,mobile\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad, 0xe6, 0x96, 0x87))).toEqual({ ok: true, text: '中文', encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with BOM (Excel "Unicode text")', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65, 0x09, 0x00))).toEqual({ ok: true, text: '中文\t', encoding: 'utf-16le' });
    expect(decodeText(bytes(0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87))).toEqual({ ok: true, text: '中文', encoding: 'utf-16be' });
  });

  it('round-trips a GB18030 four-byte rare character', () => {
    const encoded = iconv.encode('王𬱖,13812345678\r\n', 'gb18030');
    expect(decodeText(encoded)).toEqual({ ok: true, text: '王𬱖,13812345678\r\n', encoding: 'gb18030' });
  });

  it('decodes a realistic GBK CSV with punctuation', () => {
    const text = '姓名,地址\r\n李秀英,"广东省广州市天河区天河路385号，3楼"\r\n';
    expect(decodeText(iconv.encode(text, 'gbk'))).toEqual({ ok: true, text, encoding: 'gb18030' });
  });

  it('refuses empty and binary input', () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ ok: false, code: 'FILE_EMPTY' });
    expect(decodeText(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00))).toMatchObject({ ok: false, code: 'FILE_BINARY' });
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x01 + (i % 7) : 0x41));
    expect(decodeText(controls)).toMatchObject({ ok: false, code: 'FILE_BINARY' });
    expect(decodeText(bytes(0xff, 0xfe, 0x00, 0x00, 0x00, 0x00))).toMatchObject({ ok: false, code: 'FILE_BINARY' });
  });

  it('tolerates a stray control character in a long text file', () => {
    const text = `${'姓名,手机\n'.repeat(100)}\u0007`;
    expect(decodeText(new TextEncoder().encode(text))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });
});
