import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../../shared/clients';
import { BandTag, QuadrantTag, StateTag, TierTag } from '../../components/SegmentTags';
import { ToneTag } from '../../components/ToneTag';
import type { SegmentTags } from './detail-store';

/** Where the client stands in the book (as the list or the Segments page knew it), and the automated-decision opt-out. */
export function DetailSegment({ detail, segment }: { detail: ClientDetail; segment: SegmentTags | null }) {
  const { t } = useTranslation();
  const parts: { key: string; node: ReactNode }[] = [];
  if (segment?.tier !== undefined) parts.push({ key: 'tier', node: <TierTag tier={segment.tier} /> });
  if (segment?.quadrant !== undefined) parts.push({ key: 'quadrant', node: <QuadrantTag quadrant={segment.quadrant} /> });
  if (segment?.band !== undefined) parts.push({ key: 'band', node: <BandTag band={segment.band} /> });
  if (segment?.state !== undefined) parts.push({ key: 'state', node: <StateTag state={segment.state} /> });
  if (!parts.length && !detail.optOutAutomated) return null;
  return (
    <Space size={[12, 4]} wrap role="group" aria-label={t('clientDetail.segment')}>
      <Typography.Text strong>{t('clientDetail.segment')}</Typography.Text>
      {parts.map((p) => (
        <span key={p.key} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary">{t(`clients.columns.${p.key}`)} </Typography.Text>
          {p.node}
        </span>
      ))}
      {detail.optOutAutomated && (
        <ToneTag tone="warning" title={t('clientDetail.optOutAutomatedHint')}>{t('clientFields.optOutAutomated')}</ToneTag>
      )}
    </Space>
  );
}
