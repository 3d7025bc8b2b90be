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
  if (!tier) return <Unknown />;
  return <ToneTag tone={TIER_TONES[tier]} title={t(`tiers.${tier}`)}>{long ? t(`tiers.${tier}`) : tier}</ToneTag>;
}

export function QuadrantTag({ quadrant }: { quadrant: QuadrantName | null }) {
  const { t } = useTranslation();
  if (!quadrant) return <Unknown />;
  return <ToneTag tone={QUADRANT_TONES[quadrant]} title={t(`quadrants.${quadrant}.hint`)}>{t(`quadrants.${quadrant}.name`)}</ToneTag>;
}

export function BandTag({ band }: { band: BandName | null }) {
  const { t } = useTranslation();
  if (!band) return <Unknown />;
  return <ToneTag tone={BAND_TONES[band]} title={`${t(`bands.${band}.range`)} · ${t(`bands.${band}.by`)}`}>{t(`bands.${band}.short`)}</ToneTag>;
}

export function StateTag({ state }: { state: StateName | null }) {
  const { t } = useTranslation();
  if (!state) return <Unknown />;
  return <ToneTag tone={STATE_TONES[state]}>{t(`clientStates.${state}`)}</ToneTag>;
}

function Unknown() {
  const { t } = useTranslation();
  return <span title={t('segments.notSegmented')}>—</span>;
}
