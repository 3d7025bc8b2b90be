// The one masking function set (security.md, 脱敏). Every screen, print-out and export
// that shows a field masked goes through here, so the rules cannot drift apart.
import { normaliseMobile } from './contact';
import { toHalfWidth } from './common';

export type MaskKind = 'id_number' | 'company_code' | 'mobile' | 'account' | 'address';

/** Mask a value of the given kind; empty in, empty out. */
export function maskField(kind: MaskKind, value: string): string {
  switch (kind) {
    case 'id_number':
    case 'company_code':
      return maskIdNumber(value);
    case 'mobile':
      return maskMobile(value);
    case 'account':
      return maskAccount(value);
    case 'address':
      return maskAddress(value);
  }
}

/**
 * ID numbers and company codes: first 4 + last 4 with the length kept
 * (`1101**********002X`). Numbers under 12 characters (passports, permits) keep only
 * the first and last 2, so that most of a short number stays hidden.
 */
export function maskIdNumber(value: string): string {
  const id = toHalfWidth(value).replace(/\s+/g, '');
  if (id === '') return '';
  const chars = [...id];
  const [head, tail] = chars.length >= 12 ? [4, 4] : chars.length >= 6 ? [1, 2] : [0, 0];
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/** Mainland mobile `138****5678`; any other phone keeps only its last 4 digits. */
export function maskMobile(value: string): string {
  const mobile = normaliseMobile(value);
  if (mobile.ok) return `${mobile.value.slice(0, 3)}****${mobile.value.slice(7)}`;
  return maskAccount(value);
}

/** Account and card numbers: last 4 only, behind a fixed-width mask (hides the length). */
export function maskAccount(value: string): string {
  const compact = toHalfWidth(value).replace(/[\s-]/g, '');
  if (compact === '') return '';
  return compact.length <= 4 ? '****' : `****${compact.slice(-4)}`;
}

/** E-mail: first character of the mailbox and the domain, `z***@example.com`. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return value === '' ? '' : '****';
  return `${value.slice(0, 1)}***${value.slice(at)}`;
}

/**
 * Addresses: keep province / city / district (or county, county-level city, banner),
 * mask the rest: `广东省深圳市南山区科技中一路…` → `广东省深圳市南山区****`. When no
 * district is recognisable after the city, only the city is kept; when nothing is
 * recognisable, everything is masked — failing closed.
 */
export function maskAddress(value: string): string {
  const addr = value.trim();
  if (addr === '') return '';
  const kept = addressPrefixLength(addr);
  return addr.slice(0, kept) + (kept < addr.length ? '****' : '');
}

/** Length of the administrative-division prefix of a mainland address (0 if none). */
export function addressPrefixLength(addr: string): number {
  // A municipality (北京市…) is province and prefecture in one.
  const municipality = MUNICIPALITY.exec(addr);
  if (municipality) {
    const pos = municipality[0].length;
    return pos + (DISTRICT.exec(addr.slice(pos))?.[0].length ?? 0);
  }
  let pos = PROVINCE.exec(addr)?.[0].length ?? 0;
  const city = CITY.exec(addr.slice(pos));
  if (city) pos += city[0].length;
  else if (pos === 0) return DISTRICT.exec(addr)?.[0].length ?? 0;
  return pos + (DISTRICT.exec(addr.slice(pos))?.[0].length ?? 0);
}

// The suffix is optional because people write 北京朝阳区… and 广西南宁市…; without a
// suffix the next character may not be 市, so that 吉林市 stays a city, not a province.
const MUNICIPALITY = /^(?:北京|天津|上海|重庆)(?:市|(?!市))/;
const PROVINCE = new RegExp(
  '^(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|' +
    '陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)' +
    '(?:省|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|(?!市))',
);
// Prefecture level: 市, 自治州, 地区, 盟. Street words and digits cannot be in the name,
// so a street is never mistaken for a division.
const CITY = /^[^省市区县旗盟街路道巷弄号村镇乡\d]{1,10}?(?:市|自治州|地区|盟)/;
// County level: 区 (incl. 新区), 县 / 自治县, 市 (county-level city), 旗. 市中区 is a real name.
const DISTRICT = /^[^省街路道巷弄号村镇乡\d]{1,10}?(?:区|县|市|旗)/;

/**
 * A client's name where the person may be seen by others (calendar exports):
 * people keep the surname (张**), companies the first two and last two characters (深圳***公司).
 */
export function maskName(name: string, kind: 'person' | 'company'): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (kind === 'company') return chars.length <= 4 ? `${chars[0]}***` : `${chars.slice(0, 2).join('')}***${chars.slice(-2).join('')}`;
  // Latin names: initial of each word (Li Na → L. N.).
  if (/^[\p{Script=Latin}\s.'-]+$/u.test(name)) return name.trim().split(/\s+/).map((w) => `${w[0]!.toUpperCase()}.`).join(' ');
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
