import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIERS, type SegmentSummary, type TierName } from '../../../../shared/segments';
import { TierTag } from '../../components/SegmentTags';
import { formatWan } from '../../components/money';
import { useClients } from '../clients/clients-store';
import { CountTable, NOWRAP } from './CountTable';
import { pct } from './format';

/** ABC tiers: how many clients, how much value, what share; a tier opens the Clients page filtered to it. */
export function TierCard({ summary, cutoffs }: { summary: SegmentSummary; cutoffs: { a: number; b: number } | null }) {
  const { t } = useTranslation();
  const showSegment = useClients((s) => s.showSegment);
  const metric = t(`segments.metrics.${summary.metric}`);
  const rows = TIERS.map((tier) => ({
    key: tier,
    tier,
    name: t(`tiers.${tier}`),
    label: <TierTag tier={tier} long />,
    valueFen: summary.tiers[tier].valueFen,
    share: summary.tiers[tier].share,
    count: summary.tiers[tier].clients,
  }));
  return (
    <Card size="small" title={t('segments.tiers.title')} style={{ height: '100%' }}>
      <CountTable
        rows={rows}
        total={summary.clients}
        labelTitle={t('clients.columns.tier')}
        extraColumns={[
          {
            title: t('segments.tiers.value', { metric }),
            dataIndex: 'valueFen',
            key: 'value',
            align: 'right',
            onHeaderCell: NOWRAP,
            render: (f: number) => <Typography.Text type={f < 0 ? 'danger' : undefined}>{formatWan(f)}</Typography.Text>,
          },
          { title: t('segments.tiers.valueShare'), dataIndex: 'share', key: 'valueShare', align: 'right', onHeaderCell: NOWRAP, render: (s: number) => pct(s) },
        ]}
        onOpen={(r) => showSegment({ tier: r.tier as TierName })}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('segments.tiers.rule', { a: pct(cutoffs?.a ?? 0.8, 0), b: pct(cutoffs?.b ?? 0.95, 0) })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
        {t('segments.tiers.care')}
      </Typography.Paragraph>
    </Card>
  );
}
