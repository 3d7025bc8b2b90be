/** 0.1834 → `18.3%`. */
export function pct(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A change between two rates in percentage points, signed: 0.012 → `+1.2`. */
export function pointsChange(delta: number): string {
  const v = (delta * 100).toFixed(1);
  return delta > 0 ? `+${v}` : v === '-0.0' ? '0.0' : v;
}

/** The 0..1 share of the curve at a given share of clients, read off the downsampled curve. */
export function valueShareAt(curve: { clientShare: number; valueShare: number }[], clientShare: number): number {
  let prev = curve[0] ?? { clientShare: 0, valueShare: 0 };
  for (const p of curve) {
    if (p.clientShare >= clientShare) {
      const span = p.clientShare - prev.clientShare;
      return span <= 0 ? p.valueShare : prev.valueShare + ((clientShare - prev.clientShare) / span) * (p.valueShare - prev.valueShare);
    }
    prev = p;
  }
  return prev.valueShare;
}
