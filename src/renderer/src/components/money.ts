// Money crosses the contract as integer fen (分). Display and entry are in yuan; the
// conversion is string arithmetic so 0.29 never becomes 28.999… fen.

/** 123456789 → `¥1,234,567.89`; null → ''. */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isSafeInteger(fen)) return '';
  return `${fen < 0 ? '-' : ''}¥${yuanDigits(Math.abs(fen), true)}`;
}

/** Fen as the yuan text an input shows: 123456789 → `1234567.89`, 500 → `5`. */
export function fenToYuanInput(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isSafeInteger(fen)) return '';
  const text = yuanDigits(Math.abs(fen), false).replace(/\.00$/, '');
  return `${fen < 0 ? '-' : ''}${text}`;
}

/**
 * Yuan as typed (`1,234,567.89`, `¥5000`, `300000元`) → fen, or null when it is not an
 * amount with at most two decimals. Negative only when allowed (a contribution can be a loss).
 */
export function parseYuan(input: string, allowNegative = false): number | null {
  let text = input.trim().replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '');
  const negative = /^-/.test(text);
  if (negative) {
    if (!allowNegative) return null;
    text = text.slice(1).trim();
  }
  const m = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const fen = BigInt(m[1]!.replace(/,/g, '')) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return negative && fen !== 0n ? -Number(fen) : Number(fen);
}

function yuanDigits(fen: number, grouping: boolean): string {
  const digits = String(fen).padStart(3, '0');
  let whole = digits.slice(0, -2);
  if (grouping) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${whole}.${digits.slice(-2)}`;
}

/** Fen as a count of 万元 (10,000 yuan) with separators, for headline figures: 1234567890 → `1,234.57`. The unit word comes from i18n. */
export function formatWan(fen: number, digits = 2): string {
  return (fen / 1_000_000).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
