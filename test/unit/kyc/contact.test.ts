import { describe, expect, it } from 'vitest';
import { checkEmail, normaliseMobile } from '../../../src/main/core/domain/kyc/contact';

describe('normaliseMobile', () => {
  it.each([
    ['13800138000', '13800138000'], // China Mobile's long-published service test number
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-13800138000', '13800138000'],
    ['86 13800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['(+86) 199 1234 5678', '19912345678'],
    ['１３８００１３８０００', '13800138000'], // full-width, as typed with a Chinese IME
    [' 16612345678 ', '16612345678'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseMobile(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'MOBILE_EMPTY'],
    ['   ', 'MOBILE_EMPTY'],
    ['12800138000', 'MOBILE_FORMAT'], // 12x is not a mobile block
    ['1380013800', 'MOBILE_FORMAT'],
    ['138001380001', 'MOBILE_FORMAT'],
    ['010-62345678', 'MOBILE_FORMAT'], // Beijing landline
    ['+852 9123 4567', 'MOBILE_FORMAT'], // Hong Kong
    ['+1 13800138000', 'MOBILE_FORMAT'],
    ['1380013800O', 'MOBILE_FORMAT'],
  ])('%s → %s', (input, code) => {
    expect(normaliseMobile(input)).toMatchObject({ ok: false, code });
  });
});

describe('checkEmail', () => {
  it.each([
    ['zhang.san@example.com', 'zhang.san@example.com'],
    ['Zhang.San@Example.COM', 'Zhang.San@example.com'],
    [' li_si+bank@mail.example.cn ', 'li_si+bank@mail.example.cn'],
    ['wangwu＠example．com', 'wangwu@example.com'], // full-width ＠ and ．
    ['1234567@qq.com', '1234567@qq.com'],
    ['user@例子.中国', 'user@例子.中国'],
  ])('%s → %s', (input, expected) => {
    expect(checkEmail(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'EMAIL_EMPTY'],
    ['zhangsan', 'EMAIL_FORMAT'],
    ['zhangsan@', 'EMAIL_FORMAT'],
    ['@example.com', 'EMAIL_FORMAT'],
    ['a@b', 'EMAIL_FORMAT'],
    ['a@@example.com', 'EMAIL_FORMAT'],
    ['a@b@example.com', 'EMAIL_FORMAT'],
    ['zhang san@example.com', 'EMAIL_FORMAT'],
    ['a..b@example.com', 'EMAIL_FORMAT'],
    ['a@-example.com', 'EMAIL_FORMAT'],
    ['a@example.c', 'EMAIL_FORMAT'],
    ['a@example.123', 'EMAIL_FORMAT'],
    [`${'a'.repeat(65)}@example.com`, 'EMAIL_FORMAT'],
  ])('%s → %s', (input, code) => {
    expect(checkEmail(input)).toMatchObject({ ok: false, code });
  });
});
