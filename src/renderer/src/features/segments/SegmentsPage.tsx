import { ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Skeleton, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { memo, useDeferredValue, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { METRICS, type MetricName, type QuarterKpis, type SegmentSummary } from '../../../../shared/segments';
import { formatWan } from '../../components/money';
import { useSession } from '../../session-store';
import { ClientDetailHost } from '../clients/ClientDetailHost';
import { BandCard, StateCard } from './BandStateCards';
import { pct } from './format';
import { KpiCards } from './KpiCards';
import { ParetoCard } from './ParetoCard';
import { QuadrantCountsCard, QuadrantScatterCard } from './QuadrantCards';
import { SnapshotsCard } from './SnapshotsCard';
import { TierCard } from './TierCard';
import { useSegments } from './segments-store';
import { useStaged } from './use-staged';

/** 分层: which ~20% of clients bring ~80% of the value, who has potential, who is slipping, and how the book moved. */
export function SegmentsPage() {
  const { t } = useTranslation();
  // Field by field: the movement matrix arriving or the loading flag must not redraw every card.
  const metric = useSegments((s) => s.metric);
  const cutoffs = useSegments((s) => s.cutoffs);
  const summary = useSegments((s) => s.summary);
  const kpis = useSegments((s) => s.kpis);
  const loading = useSegments((s) => s.loading);
  const error = useSegments((s) => s.error);
  const load = useSegments((s) => s.load);
  const setMetric = useSegments((s) => s.setMetric);
  // The cards (six tables, two charts, 3,000 dots) are drawn as a transition: React draws them in
  // slices between frames instead of one long task, the toolbar answering meanwhile.
  const shown = useDeferredValue(summary);

  useEffect(() => {
    void load();
  }, [load]);

  const toolbar = (
    <Card size="small">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Typography.Text id="rm-metric-label">{t('segments.metricLabel')}</Typography.Text>
          <Segmented<MetricName>
            aria-labelledby="rm-metric-label"
            value={metric ?? 'revenue'}
            disabled={loading}
            onChange={(m) => void setMetric(m)}
            options={METRICS.map((m) => ({ value: m, label: t(`segments.metrics.${m}`) }))}
          />
        </Space>
        <Space wrap>
          {summary && <Typography.Text type="secondary">{t('segments.computedAt', { at: dayjs(summary.computedAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>}
          <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>{t('segments.refresh')}</Button>
        </Space>
      </Space>
    </Card>
  );

  if (summary && summary.clients === 0) return <SegmentsEmpty />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {toolbar}
      {error && <Alert role="alert" type="error" showIcon title={error} action={<Button size="small" onClick={() => void load()}>{t('clients.retry')}</Button>} />}
      {!shown ? (
        <Card size="small">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <SegmentCards summary={shown} cutoffs={cutoffs} kpis={kpis} />
      )}
      <ClientDetailHost onChanged={() => void load()} />
    </Space>
  );
}

/** The cards are drawn in this many stages, top to bottom, a frame apart (see useStaged). */
const STAGES = 4;

/** Everything drawn from one summary: redrawn only when the summary (or the cut-offs, the KPIs) change. */
const SegmentCards = memo(function SegmentCards({ summary, cutoffs, kpis }: { summary: SegmentSummary; cutoffs: { a: number; b: number } | null; kpis: QuarterKpis | null }) {
  const { t } = useTranslation();
  const stage = useStaged(STAGES);
  return (
    <>
      <Headline summary={summary} />
      {summary.optedOutOfAutomated > 0 && <Alert type="info" showIcon title={t('segments.optedOut', { count: summary.optedOutOfAutomated })} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={13}>
          <ParetoCard summary={summary} />
        </Col>
        <Col xs={24} lg={11}>
          <TierCard summary={summary} cutoffs={cutoffs} />
        </Col>
        {stage >= 2 && (
          <>
            <Col xs={24} lg={13}>
              <QuadrantScatterCard summary={summary} />
            </Col>
            <Col xs={24} lg={11}>
              <QuadrantCountsCard summary={summary} />
            </Col>
          </>
        )}
        {stage >= 3 && (
          <>
            <Col xs={24} lg={13}>
              <BandCard summary={summary} />
            </Col>
            <Col xs={24} lg={11}>
              <StateCard summary={summary} />
            </Col>
          </>
        )}
      </Row>
      {stage >= 4 && (
        <>
          <KpiCards kpis={kpis} />
          <SnapshotsCard />
        </>
      )}
    </>
  );
});

function Headline({ summary }: { summary: SegmentSummary }) {
  const { t } = useTranslation();
  const metric = t(`segments.metrics.${summary.metric}`);
  const share = summary.shareOfClientsFor80Percent;
  const top = Math.round(share * summary.clients);
  const net = summary.totalValueFen + summary.totalNegativeFen;
  return (
    <Card size="small">
      <Typography.Title level={2} style={{ fontSize: 20, margin: '4px 0 12px' }}>
        {share > 0 ? t(`segments.headline.${summary.metric}`, { share: pct(share), count: top }) : t('segments.headlineNone', { metric })}
      </Typography.Title>
      <Row gutter={[16, 8]}>
        <Col flex="1 1 160px">
          <Statistic title={t('segments.clients')} value={summary.clients} suffix={t('segments.people')} />
        </Col>
        <Col flex="1 1 200px">
          <Statistic title={t('segments.totalValue', { metric })} value={formatWan(net)} suffix={t('segments.wanUnit')} />
        </Col>
        <Col flex="1 1 160px">
          <Statistic title={t('segments.gini')} value={summary.gini.toFixed(2)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('segments.giniHelp')}</Typography.Text>
        </Col>
        <Col flex="1 1 220px">
          <Statistic title={t('segments.costClients')} value={summary.costClients} suffix={t('segments.people')} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {summary.costClients > 0 ? t('segments.costClientsHelp', { amount: formatWan(summary.totalNegativeFen) }) : t('segments.noCostClients', { metric })}
          </Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}

function SegmentsEmpty() {
  const { t } = useTranslation();
  const setPage = useSession((s) => s.setPage);
  return (
    <Card size="small">
      <Empty
        style={{ padding: '48px 0' }}
        description={
          <Space orientation="vertical" style={{ maxWidth: 560 }}>
            <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('segments.emptyTitle')}</Typography.Title>
            <Typography.Text type="secondary">{t('segments.emptyBody')}</Typography.Text>
          </Space>
        }
      >
        <Button type="primary" icon={<TeamOutlined />} onClick={() => setPage('clients')}>{t('segments.goClients')}</Button>
      </Empty>
    </Card>
  );
}
