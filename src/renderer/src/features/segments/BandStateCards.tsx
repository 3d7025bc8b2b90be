import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BANDS, CLIENT_STATES, type BandName, type SegmentSummary, type StateName } from '../../../../shared/segments';
import { BandTag, StateTag } from '../../components/SegmentTags';
import { useClients } from '../clients/clients-store';
import { CountTable, NOWRAP } from './CountTable';
import { formatWan } from '../../components/money';

/** The tiered-maintenance bands by financial assets (domain.md §1), and who looks after each. */
export function BandCard({ summary }: { summary: SegmentSummary }) {
  const { t } = useTranslation();
  const showSegment = useClients((s) => s.showSegment);
  const rows = BANDS.map((band) => ({
    key: band,
    band,
    name: t(`bands.${band}.short`),
    label: <BandTag band={band} />,
    hint: `${t(`bands.${band}.range`)} · ${t(`bands.${band}.by`)}`,
    aumFen: summary.bands[band].aumFen,
    count: summary.bands[band].clients,
  }));
  return (
    <Card size="small" title={t('segments.bands.title')} style={{ height: '100%' }}>
      <CountTable
        rows={rows}
        total={summary.clients}
        labelTitle={t('clients.columns.band')}
        extraColumns={[
          { title: t('segments.bands.aum'), dataIndex: 'aumFen', key: 'aum', align: 'right', onHeaderCell: NOWRAP, render: (f: number) => formatWan(f) },
        ]}
        onOpen={(r) => showSegment({ band: r.band as BandName })}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('segments.bands.note')}</Typography.Paragraph>
    </Card>
  );
}

/** Client states — new, active, at risk, dormant, lost — each a way into the Clients page. */
export function StateCard({ summary }: { summary: SegmentSummary }) {
  const { t } = useTranslation();
  const showSegment = useClients((s) => s.showSegment);
  const rows = CLIENT_STATES.map((state) => ({
    key: state,
    state,
    name: t(`clientStates.${state}`),
    label: <StateTag state={state} />,
    hint: t(`segments.states.${state}`),
    count: summary.states[state],
  }));
  return (
    <Card size="small" title={t('segments.states.title')} style={{ height: '100%' }}>
      <CountTable
        rows={rows}
        total={summary.clients}
        labelTitle={t('clients.columns.state')}
        onOpen={(r) => showSegment({ state: r.state as StateName })}
      />
    </Card>
  );
}
