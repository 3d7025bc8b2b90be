import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BandName, QuadrantName, StateName, TierName } from '../../../shared/segments';
import { ToneTag, type Tone } from './ToneTag';

// Tags for a client's segment, shared by the Clients table, the client detail and the
// Segments page. Tones only here; the words come from i18n (tiers.*, quadrants.*, bands.*, clientStates.*).

export const TIER_TONES: Record<TierName, Tone> = { A: 'info', B: 'accent', C: 'neutral' };
export const QUADRANT_TONES: Record<QuadrantName, Tone> = { core: 'info', nurture: 'success', maintain: 'warning', streamline: 'neutral' };
export const BAND_TONES: Record<BandName, Tone> = { wealth: 'info', branch_wealth: 'accent', director: 'success', staff: 'warning', none: 'neutral' };
export const STATE_TONES: Record<StateName, Tone> = { new: 'info', active: 'success', at_risk: 'error', dormant: 'warning', lost: 'neutral' };

/** Chart colours of the quadrants, dark enough to read on white (same hues as the tags). */
export const QUADRANT_COLORS: Record<QuadrantName, string> = { core: '#1f5fbf', nurture: '#237804', maintain: '#ad6800', streamline: '#595959' };

/** `A` in a table cell; `A 类` where there is room (`long`). */
export function TierTag({ tier, long = false }: { tier: TierName | null; long?: boolean }) {
  const { t } = useTranslation();
  return tierTag(t, tier, long);
}

export function QuadrantTag({ quadrant }: { quadrant: QuadrantName | null }) {
  const { t } = useTranslation();
  return quadrantTag(t, quadrant);
}

export function BandTag({ band }: { band: BandName | null }) {
  const { t } = useTranslation();
  return bandTag(t, band);
}

export function StateTag({ state }: { state: StateName | null }) {
  const { t } = useTranslation();
  return stateTag(t, state);
}

export interface SegmentTagCells {
  tier(tier: TierName | null): ReactElement;
  quadrant(quadrant: QuadrantName | null): ReactElement;
  band(band: BandName | null): ReactElement;
  state(state: StateName | null): ReactElement;
}

/**
 * The tags for table cells, each built once for the language of `t` and then reused: a table
 * scrolled through the book draws thousands, and a hook plus four lookups per cell add up.
 */
export function segmentTagCells(t: TFunction): SegmentTagCells {
  const built = new Map<string, ReactElement>();
  const once = <V extends string>(kind: string, make: (t: TFunction, v: V | null) => ReactElement) => (v: V | null) => {
    const key = `${kind}:${v ?? ''}`;
    let tag = built.get(key);
    if (!tag) built.set(key, (tag = make(t, v)));
    return tag;
  };
  return { tier: once('tier', (tt, v: TierName | null) => tierTag(tt, v)), quadrant: once('quadrant', quadrantTag), band: once('band', bandTag), state: once('state', stateTag) };
}

function tierTag(t: TFunction, tier: TierName | null, long = false): ReactElement {
  if (!tier) return unknown(t);
  return <ToneTag tone={TIER_TONES[tier]} title={t(`tiers.${tier}`)}>{long ? t(`tiers.${tier}`) : tier}</ToneTag>;
}

function quadrantTag(t: TFunction, quadrant: QuadrantName | null): ReactElement {
  if (!quadrant) return unknown(t);
  return <ToneTag tone={QUADRANT_TONES[quadrant]} title={t(`quadrants.${quadrant}.hint`)}>{t(`quadrants.${quadrant}.name`)}</ToneTag>;
}

function bandTag(t: TFunction, band: BandName | null): ReactElement {
  if (!band) return unknown(t);
  return <ToneTag tone={BAND_TONES[band]} title={`${t(`bands.${band}.range`)} · ${t(`bands.${band}.by`)}`}>{t(`bands.${band}.short`)}</ToneTag>;
}

function stateTag(t: TFunction, state: StateName | null): ReactElement {
  if (!state) return unknown(t);
  return <ToneTag tone={STATE_TONES[state]}>{t(`clientStates.${state}`)}</ToneTag>;
}

function unknown(t: TFunction): ReactElement {
  return <span title={t('segments.notSegmented')}>—</span>;
}
