import type { OccasionKind } from './occasions';

// Greeting texts: how to address the client, the {{field}} merge language, SMS length and
// which template to use. Pure: the templates themselves are data
// (resources/greetings/templates.zh-CN.json, or the manager's own).

/**
 * The only fields a greeting can carry. Nothing about holdings, risk grades or AML can be
 * merged into a greeting: such names are simply not fields, so checkTemplate rejects them.
 */
export const MERGE_FIELDS = ['salutation', 'surname', 'name', 'occasion', 'age', 'rmName', 'branch'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
const FIELD_SET = new Set<string>(MERGE_FIELDS);

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

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** {{field}} placeholders must all be MERGE_FIELDS; the unknown ones are listed (once each, in order). */
export function checkTemplate(text: string): { ok: true } | { ok: false; unknown: string[] } {
  const unknown: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const field = m[1]!;
    if (!FIELD_SET.has(field) && !unknown.includes(field)) unknown.push(field);
  }
  return unknown.length ? { ok: false, unknown } : { ok: true };
}

/** Fills the placeholders; a field without a value renders empty. Throws on unknown fields. */
export function renderTemplate(text: string, values: Partial<Record<MergeField, string | number>>): string {
  const check = checkTemplate(text);
  if (!check.ok) throw new Error(`Unknown merge fields: ${check.unknown.join(', ')}`);
  return text.replace(PLACEHOLDER, (_, field: string) => String(values[field as MergeField] ?? ''));
}

// GSM 03.38 default alphabet; the extension table's characters take two septets (ESC + char).
const GSM_BASIC = new Set(Array.from('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'));
const GSM_EXTENSION = new Set(Array.from('\f^{}\\[]~|€'));

/**
 * SMS length and segments. A text of GSM-7 characters only allows 160 per message, 153 per
 * part when concatenated (extension characters such as € count twice). Any other character
 * (every CJK character and Chinese punctuation) makes it UCS-2: 70 in a single message, 67
 * per part; `chars` then counts UTF-16 units, so a CJK character is 1 (an emoji 2).
 * An empty text is 0 segments.
 */
export function smsSegments(text: string): { chars: number; segments: number; perSegment: number } {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) septets += 1;
    else if (GSM_EXTENSION.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  const chars = gsm ? septets : text.length;
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  if (chars <= single) return { chars, segments: chars === 0 ? 0 : 1, perSegment: single };
  return { chars, segments: Math.ceil(chars / multi), perSegment: multi };
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
