import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OccasionKind } from '../../../src/main/core/domain/greetings/occasions';
import {
  checkTemplate,
  MERGE_FIELDS,
  pickTemplate,
  renderTemplate,
  salutationOf,
  smsSegments,
  surnameOf,
  type GreetingTemplate,
} from '../../../src/main/core/domain/greetings/templates';

const DEFAULTS = JSON.parse(readFileSync(new URL('../../../resources/greetings/templates.zh-CN.json', import.meta.url), 'utf8')) as GreetingTemplate[];
const KINDS: OccasionKind[] = ['birthday', 'new_year', 'spring_festival', 'qingming', 'labour_day', 'dragon_boat', 'mid_autumn', 'national_day', 'lantern', 'double_ninth', 'company_anniversary'];
const OCCASION_NAMES: Record<OccasionKind, string> = {
  birthday: '生日', new_year: '元旦', spring_festival: '春节', qingming: '清明节', labour_day: '劳动节', dragon_boat: '端午节',
  mid_autumn: '中秋节', national_day: '国庆节', lantern: '元宵节', double_ninth: '重阳节', company_anniversary: '成立十周年',
};

const who = (c: Partial<Parameters<typeof salutationOf>[0]>) => salutationOf({ kind: 'person', name: '', sex: null, salutation: null, legalRepresentative: null, ...c });

describe('salutations', () => {
  it.each([
    [{ name: '王建国', sex: 'M' as const }, '王先生'],
    [{ name: '李秀英', sex: 'F' as const }, '李女士'],
    [{ name: '欧阳娜娜', sex: 'F' as const }, '欧阳女士'],
    [{ name: '司马光', sex: 'M' as const }, '司马先生'],
    [{ name: '王建国', sex: null }, '王建国'],
    [{ name: '王建国', sex: 'M' as const, salutation: '王老师' }, '王老师'],
    [{ name: '王建国', sex: 'M' as const, salutation: '  ' }, '王先生'],
    [{ kind: 'company' as const, name: '城东贸易有限公司', legalRepresentative: '张伟' }, '张总'],
    [{ kind: 'company' as const, name: '城东贸易有限公司', legalRepresentative: '诸葛明' }, '诸葛总'],
    [{ kind: 'company' as const, name: '城东贸易有限公司', legalRepresentative: null }, '城东贸易有限公司'],
    [{ kind: 'company' as const, name: '城东贸易有限公司', legalRepresentative: '张伟', salutation: '张董' }, '张董'],
  ])('%o → %s', (c, expected) => {
    expect(who(c)).toBe(expected);
  });

  it.each([
    ['欧阳娜娜', '欧阳'],
    ['上官婉儿', '上官'],
    ['百里奚', '百里'],
    ['张伟', '张'],
    ['欧阳', '欧'], // a two-character name is surname + given name
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['John Smith', 'Smith'],
    ['  王芳 ', '王'],
    ['', ''],
  ])('surname of %s → %s', (name, surname) => {
    expect(surnameOf(name)).toBe(surname);
  });
});

describe('merge fields', () => {
  it('accepts the merge fields and rejects anything else by name', () => {
    expect(checkTemplate(MERGE_FIELDS.map((f) => `{{${f}}}`).join(' '))).toEqual({ ok: true });
    expect(checkTemplate('{{ salutation }}您好')).toEqual({ ok: true });
    expect(checkTemplate('{{salutation}}，您的风险等级为{{riskGrade}}')).toEqual({ ok: false, unknown: ['riskGrade'] });
    expect(checkTemplate('{{aumFen}} {{amlFlag}} {{aumFen}} {{}}')).toEqual({ ok: false, unknown: ['aumFen', 'amlFlag', ''] });
  });

  it('renders values, empty for missing ones, and refuses unknown fields', () => {
    expect(renderTemplate('{{salutation}}您好！祝您{{age}}岁生日快乐。{{branch}} {{rmName}}', { salutation: '王先生', age: 60, branch: '城东支行', rmName: '李明' })).toBe(
      '王先生您好！祝您60岁生日快乐。城东支行 李明',
    );
    expect(renderTemplate('{{surname}}{{ name }}|{{occasion}}', { surname: '王', name: '王建国' })).toBe('王王建国|');
    expect(() => renderTemplate('{{riskGrade}}', {})).toThrow(/riskGrade/);
  });
});

describe('SMS segments', () => {
  it.each([
    ['中'.repeat(70), { chars: 70, segments: 1, perSegment: 70 }],
    ['中'.repeat(71), { chars: 71, segments: 2, perSegment: 67 }],
    ['中'.repeat(134), { chars: 134, segments: 2, perSegment: 67 }],
    ['中'.repeat(135), { chars: 135, segments: 3, perSegment: 67 }],
    ['a'.repeat(160), { chars: 160, segments: 1, perSegment: 160 }],
    ['a'.repeat(161), { chars: 161, segments: 2, perSegment: 153 }],
    ['a'.repeat(306), { chars: 306, segments: 2, perSegment: 153 }],
    ['a'.repeat(307), { chars: 307, segments: 3, perSegment: 153 }],
    ['a'.repeat(69) + '！', { chars: 70, segments: 1, perSegment: 70 }], // full-width punctuation is not GSM
    ['€'.repeat(80), { chars: 160, segments: 1, perSegment: 160 }], // extension characters take two septets
    ['', { chars: 0, segments: 0, perSegment: 160 }],
  ])('%#', (text, expected) => {
    expect(smsSegments(text)).toEqual(expected);
  });
});

describe('choosing a template', () => {
  const t = (id: string, occasion: GreetingTemplate['occasion'], extra: Partial<GreetingTemplate> = {}): GreetingTemplate => ({ id, occasion, channel: 'sms', text: id, marketing: false, ...extra });
  const list = [t('promo', 'spring_festival', { marketing: true }), t('sf', 'spring_festival'), t('bd60', 'birthday', { milestone: true }), t('bd', 'birthday'), t('any', 'any'), t('wx', 'mid_autumn', { channel: 'wechat' })];
  const pick = (occasion: OccasionKind, optOutMarketing = false, milestone = false, channel: GreetingTemplate['channel'] = 'sms') => pickTemplate(list, occasion, channel, { optOutMarketing, milestone })?.id ?? null;

  it('never picks a marketing template for a client who opted out', () => {
    expect(pick('spring_festival', false)).toBe('promo');
    expect(pick('spring_festival', true)).toBe('sf');
    expect(pickTemplate([t('promo', 'spring_festival', { marketing: true })], 'spring_festival', 'sms', { optOutMarketing: true, milestone: false })).toBeNull();
    expect(pickTemplate([t('promo', 'any', { marketing: true })], 'national_day', 'sms', { optOutMarketing: true, milestone: false })).toBeNull();
  });

  it('milestone templates first for 整寿, then the occasion, then any; by channel', () => {
    expect(pick('birthday', false, true)).toBe('bd60');
    expect(pick('birthday', false, false)).toBe('bd');
    expect(pick('national_day')).toBe('any');
    expect(pick('mid_autumn', false, false, 'wechat')).toBe('wx');
    expect(pick('national_day', false, false, 'email')).toBeNull();
  });

  it('picks from the defaults: plain greetings first, the marketing one only when allowed', () => {
    const sf = pickTemplate(DEFAULTS, 'spring_festival', 'sms', { optOutMarketing: false, milestone: false });
    expect(sf?.marketing).toBe(false);
    expect(pickTemplate(DEFAULTS, 'birthday', 'sms', { optOutMarketing: true, milestone: true })?.milestone).toBe(true);
    for (const kind of KINDS) {
      for (const channel of ['sms', 'wechat'] as const) expect(pickTemplate(DEFAULTS, kind, channel, { optOutMarketing: true, milestone: false })?.occasion).toBe(kind);
    }
  });
});

describe('default zh-CN templates', () => {
  const values = (kind: OccasionKind) => ({ salutation: '王先生', surname: '王', name: '王建国', occasion: OCCASION_NAMES[kind], age: 60, rmName: '李明', branch: '城东支行' });

  it('cover every occasion by SMS and WeChat, with 整寿, card and e-mail birthdays, and one marketing template', () => {
    for (const kind of KINDS) {
      for (const channel of ['sms', 'wechat']) expect(DEFAULTS.some((x) => x.occasion === kind && x.channel === channel && !x.milestone && !x.marketing), `${kind} ${channel}`).toBe(true);
    }
    expect(DEFAULTS.some((x) => x.occasion === 'birthday' && x.channel === 'sms' && x.milestone)).toBe(true);
    expect(DEFAULTS.some((x) => x.occasion === 'birthday' && x.channel === 'card')).toBe(true);
    expect(DEFAULTS.some((x) => x.occasion === 'birthday' && x.channel === 'email')).toBe(true);
    expect(DEFAULTS.filter((x) => x.marketing).map((x) => [x.occasion, x.channel])).toEqual([['spring_festival', 'sms']]);
    expect(new Set(DEFAULTS.map((x) => x.id)).size).toBe(DEFAULTS.length);
  });

  it('use only merge fields and are signed by the manager', () => {
    for (const x of DEFAULTS) {
      expect(checkTemplate(x.text), x.id).toEqual({ ok: true });
      expect(x.text, x.id).toContain('{{rmName}}');
    }
  });

  it('every non-marketing SMS fits one message (≤ 70 characters) after a typical rendering', () => {
    for (const x of DEFAULTS.filter((d) => d.channel === 'sms' && !d.marketing)) {
      const text = renderTemplate(x.text, values(x.occasion === 'any' ? 'mid_autumn' : x.occasion));
      expect(text.length, `${x.id}: ${text}`).toBeLessThanOrEqual(70);
      expect(smsSegments(text).segments, x.id).toBe(1);
    }
  });

  it('mention no balances, products or risk outside the marketing template', () => {
    for (const x of DEFAULTS.filter((d) => !d.marketing)) expect(x.text, x.id).not.toMatch(/余额|资产|理财|产品|基金|贷款|利率|收益|风险/);
    // The marketing one carries the opt-out and the wealth-product disclaimer.
    expect(DEFAULTS.find((d) => d.marketing)?.text).toMatch(/理财非存款.*风险.*拒收/);
  });
});

describe('an empty field leaves no stray space', () => {
  it.each([
    ['…信任。{{branch}} {{rmName}}', { rmName: '李明' }, '…信任。李明'],
    ['…信任。{{branch}} {{rmName}}', { branch: '城东支行', rmName: '李明' }, '…信任。城东支行 李明'],
    ['祝好！——{{branch}} {{rmName}}', { rmName: '李明' }, '祝好！——李明'],
    ['Best wishes, {{branch}} {{rmName}}', { rmName: 'Li Ming' }, 'Best wishes, Li Ming'],
  ] as const)('%s', (text, values, expected) => {
    expect(renderTemplate(text, values)).toBe(expected);
  });
});
