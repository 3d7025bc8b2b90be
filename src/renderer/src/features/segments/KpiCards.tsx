import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIERS, type KpiValues, type QuarterKpis } from '../../../../shared/segments';
import { pct, pointsChange } from './format';

// The five maintenance KPIs reviewed quarterly (domain.md §1): 保 争 挖 抢 培.
const KPIS: { key: keyof KpiValues; upIsGood: boolean }[] = [
  { key: 'churnRate', upIsGood: false },
  { key: 'upgradeRate', upIsGood: true },
  { key: 'productCoverage', upIsGood: true },
  { key: 'clientGrowth', upIsGood: true },
  { key: 'assetGrowth', upIsGood: true },
];
const GOOD = '#135200';
const BAD = '#a8071a';

export function KpiCards({ kpis }: { kpis: QuarterKpis | null }) {
  const { t } = useTranslation();
  const current = kpis?.current ?? null;
  const extra = kpis?.quarter && current ? t('segments.kpis.period', { quarter: kpis.quarter, previous: kpis.previousQuarter ?? '' }) : null;
  return (
    <Card size="small" title={t('segments.kpis.title')} extra={extra && <Typography.Text type="secondary">{extra}</Typography.Text>}>
      {!current && <Alert type="info" showIcon title={t('segments.kpis.needQuarter')} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]}>
        {KPIS.map(({ key, upIsGood }) => (
          <Col key={key} flex="1 1 180px">
            <Card size="small" style={{ height: '100%', background: '#fafafa' }}>
              <Statistic title={t(`segments.kpis.${key}`)} value={current?.[key] == null ? '—' : pct(current[key]!)} />
              <Change now={current?.[key] ?? null} before={kpis?.previous?.[key] ?? null} upIsGood={upIsGood} known={!!current} />
              {key === 'churnRate' && kpis?.churnByTier && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {TIERS.map((tier) => `${tier} ${kpis.churnByTier![tier] == null ? '—' : pct(kpis.churnByTier![tier]!)}`).join(' · ')}
                </Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function Change({ now, before, upIsGood, known }: { now: number | null; before: number | null; upIsGood: boolean; known: boolean }) {
  const { t } = useTranslation();
  if (!known) return null;
  if (now === null || before === null) return <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('segments.kpis.noPrevious')}</Typography.Text>;
  const delta = now - before;
  const good = delta === 0 ? null : delta > 0 === upIsGood;
  return (
    <Typography.Text style={{ display: 'block', fontSize: 12, color: good === null ? undefined : good ? GOOD : BAD }}>
      {delta > 0 && <ArrowUpOutlined aria-hidden />}
      {delta < 0 && <ArrowDownOutlined aria-hidden />} {t('segments.kpis.change', { points: pointsChange(delta) })}
    </Typography.Text>
  );
}
