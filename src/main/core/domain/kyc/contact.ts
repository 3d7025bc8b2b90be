// Contact fields: mainland mobile numbers and e-mail addresses.
import { fail, pass, toHalfWidth, type Check } from './common';

export type MobileCode = 'MOBILE_EMPTY' | 'MOBILE_FORMAT';
export type EmailCode = 'EMAIL_EMPTY' | 'EMAIL_FORMAT';

/**
 * Normalise a mainland mobile number to its 11 digits. Accepts the +86 / 86 / 0086
 * country prefix and the spaces, dashes, dots and brackets people type between groups.
 * Mainland mobiles are 1 followed by 3–9 (MIIT numbering plan: 13x–19x).
 */
export function normaliseMobile(input: string): Check<string, MobileCode> {
  const compact = toHalfWidth(input).replace(/[\s\-.()]/g, '');
  if (compact === '') return fail('MOBILE_EMPTY', 'empty');
  const m = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(compact);
  if (!m) return fail('MOBILE_FORMAT', 'not an 11-digit mainland mobile number');
  return pass(m[1]!);
}

/**
 * A sanity check, not RFC 5322: one @, a local part without spaces, and a dotted
 * domain whose last label has 2+ letters. Full-width ＠ and ． (IME input) are
 * folded; the domain is lower-cased because it is case-insensitive.
 */
export function checkEmail(input: string): Check<string, EmailCode> {
  const email = toHalfWidth(input).trim().replace(/。/g, '.');
  if (email === '') return fail('EMAIL_EMPTY', 'empty');
  const at = email.lastIndexOf('@');
  if (at <= 0 || at !== email.indexOf('@')) return fail('EMAIL_FORMAT', 'needs exactly one @ after a local part');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  if (email.length > 254 || local.length > 64) return fail('EMAIL_FORMAT', 'too long');
  if (!/^[^\s@"(),:;<>[\\\]]+$/u.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return fail('EMAIL_FORMAT', 'local part has forbidden characters');
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u.test(l))) {
    return fail('EMAIL_FORMAT', 'domain is not a dotted host name');
  }
  if (!/^\p{L}{2,}$/u.test(labels[labels.length - 1]!)) return fail('EMAIL_FORMAT', 'top-level domain must be letters');
  return pass(`${local}@${domain}`);
}
