import type { OccasionKind } from './occasions';

// Greeting texts: how to address the client, the {{field}} merge language, SMS length and
// which template to use. Pure: the templates themselves are data
// (resources/greetings/templates.zh-CN.json, or the manager's own).

export { checkTemplate, MERGE_FIELDS, renderTemplate, smsSegments, type MergeField } from '../../../../shared/greeting-text';

/** Two-character surnames (复姓) kept whole. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙',
  '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里',
];

/**
 * The family name: a compound surname whole (欧阳娜娜 → 欧阳), otherwise the first character.
 * A Latin-script name gives its last word (John Smith → Smith); a transliterated name with
 * an interpunct (阿依古丽·买买提) has no surname to split off and is returned whole.
 */
export function surnameOf(name: string): string {
  const n = name.trim();
  if (n === '') return '';
  if (/[·•]/.test(n)) return n;
  if (/^[\p{Script=Latin}\s.'-]+$/u.test(n)) return n.split(/\s+/).at(-1)!;
  const compound = COMPOUND_SURNAMES.find((s) => n.startsWith(s));
  if (compound && n.length > compound.length) return compound;
  return Array.from(n)[0]!;
}

/**
 * How a greeting addresses the client: the client's own preferred form when set; a company
 * by its legal representative's surname + 总 (张总), else by its name; a person by surname +
 * 先生/女士, or by full name when the sex is not on file (never a guessed title).
 */
export function salutationOf(c: { kind: 'person' | 'company'; name: string; sex: 'M' | 'F' | null; salutation: string | null; legalRepresentative: string | null }): string {
  const preferred = c.salutation?.trim();
  if (preferred) return preferred;
  if (c.kind === 'company') {
    const rep = c.legalRepresentative?.trim();
    return rep ? `${surnameOf(rep)}总` : c.name.trim();
  }
  if (c.sex === 'M') return `${surnameOf(c.name)}先生`;
  if (c.sex === 'F') return `${surnameOf(c.name)}女士`;
  return c.name.trim();
}

export interface GreetingTemplate {
  id: string;
  occasion: OccasionKind | 'any';
  channel: 'sms' | 'wechat' | 'card' | 'email';
  text: string;
  /** Carries a marketing message: never used for a client who opted out of direct marketing. */
  marketing: boolean;
  /** A 整寿 birthday template (60, 70, 80, 90, 100). */
  milestone?: boolean;
}

/**
 * The template for an occasion and channel, in list order within each rank: a milestone
 * birthday template for a 整寿 birthday, then the occasion's own (non-milestone) templates,
 * then 'any'. Marketing templates are skipped for a client who opted out of direct marketing.
 */
export function pickTemplate(
  templates: readonly GreetingTemplate[],
  occasion: OccasionKind,
  channel: GreetingTemplate['channel'],
  opts: { optOutMarketing: boolean; milestone: boolean },
): GreetingTemplate | null {
  const usable = templates.filter((t) => t.channel === channel && !(t.marketing && opts.optOutMarketing));
  if (occasion === 'birthday' && opts.milestone) {
    const m = usable.find((t) => t.occasion === 'birthday' && t.milestone === true);
    if (m) return m;
  }
  return usable.find((t) => t.occasion === occasion && !t.milestone) ?? usable.find((t) => t.occasion === 'any' && !t.milestone) ?? null;
}
