// The greeting template language, shared by the core (which renders and is the judge) and
// the template editor (which previews): the merge fields, filling, and SMS length.

/**
 * The only fields a greeting can carry. Nothing about holdings, risk grades or AML can be
 * merged into a greeting: such names are simply not fields, so a template using one is refused.
 */
export const MERGE_FIELDS = ['salutation', 'surname', 'name', 'occasion', 'age', 'rmName', 'branch'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
const FIELD_SET = new Set<string>(MERGE_FIELDS);

export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** {{field}} placeholders must all be MERGE_FIELDS; the unknown ones are listed (once each, in order). */
export function checkTemplate(text: string): { ok: true } | { ok: false; unknown: string[] } {
  const unknown: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const field = m[1]!;
    if (!FIELD_SET.has(field) && !unknown.includes(field)) unknown.push(field);
  }
  return unknown.length ? { ok: false, unknown } : { ok: true };
}

/**
 * Fills the placeholders; a field without a value renders empty, and the space it leaves after
 * Chinese punctuation or a dash is dropped (…信任。 李明 → …信任。李明). Throws on unknown fields.
 */
export function renderTemplate(text: string, values: Partial<Record<MergeField, string | number>>): string {
  const check = checkTemplate(text);
  if (!check.ok) throw new Error(`Unknown merge fields: ${check.unknown.join(', ')}`);
  return text
    .replace(PLACEHOLDER, (_, field: string) => String(values[field as MergeField] ?? ''))
    .replace(/([，。！？；：、）」』—…])[ \u3000]+/g, '$1')
    .replace(/[ \u3000]{2,}/g, ' ')
    .trim();
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
