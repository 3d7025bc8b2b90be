import { Button, Card, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QUADRANTS, type QuadrantName, type SegmentSummary } from '../../../../shared/segments';
import { formatYuan } from '../../components/money';
import { QUADRANT_COLORS, QuadrantTag, TierTag } from '../../components/SegmentTags';
import { useClients } from '../clients/clients-store';
import { useClientDetail } from '../clients/detail-store';
import { ChartCard } from './ChartCard';
import { CountTable, LINK_STYLE } from './CountTable';
import { EChart, escapeHtml, type ChartItem, type ChartOption } from './EChart';
import { pct } from './format';

type Point = SegmentSummary['scatter'][number];
// Shape as well as colour tells the quadrants apart (colour-blind readers, greyscale prints).
const SYMBOLS: Record<QuadrantName, string> = { core: 'circle', nurture: 'triangle', maintain: 'diamond', streamline: 'rect' };
const SPLIT = 0.5;
const DOTS_PER_FRAME = 300;

/** Value percentile × potential score, one dot per client; a dot opens that client. */
export function QuadrantScatterCard({ summary }: { summary: SegmentSummary }) {
  const { t } = useTranslation();
  const openDetail = useClientDetail((s) => s.open);
  const metric = t(`segments.metrics.${summary.metric}`);
  const open = (p: Point) => void openDetail(p.id, { tier: p.tier, quadrant: p.quadrant });

  // One list of dots per quadrant, in series order: the chart gets bare [x, y] pairs (ECharts deep-copies
  // and parses every data item it is given), and a dot's series and index find its client here.
  const byQuadrant = useMemo(() => {
    const lists = QUADRANTS.map(() => [] as Point[]);
    for (const p of summary.scatter) lists[QUADRANTS.indexOf(p.quadrant)]!.push(p);
    return lists;
  }, [summary]);
  const openAt = ({ seriesIndex, dataIndex }: ChartItem) => {
    const p = byQuadrant[seriesIndex]?.[dataIndex];
    if (p) open(p);
  };

  const option = useMemo<ChartOption>(() => {
    const axisPct = { formatter: (v: number) => `${Math.round(v * 100)}` };
    return {
      grid: { left: 52, right: 24, top: 56, bottom: 48 },
      legend: { top: 0, itemGap: 16 },
      tooltip: {
        trigger: 'item',
        formatter: ({ seriesIndex, dataIndex }: ChartItem) => {
          const p = byQuadrant[seriesIndex]?.[dataIndex];
          if (!p) return '';
          return `<b>${escapeHtml(p.name)}</b><br/>${t(`tiers.${p.tier}`)} · ${t(`quadrants.${p.quadrant}.name`)}<br/>${metric} ${formatYuan(p.valueFen)}<br/>${t('segments.quadrants.xAxis')} ${pct(p.valuePercentile, 0)} · ${t('segments.quadrants.yAxis')} ${p.potential.toFixed(2)}`;
        },
      },
      xAxis: { type: 'value', min: 0, max: 1, name: t('segments.quadrants.xAxis'), nameLocation: 'middle', nameGap: 30, axisLabel: axisPct, splitLine: { show: false } },
      yAxis: { type: 'value', min: 0, max: 1, name: t('segments.quadrants.yAxis'), nameTextStyle: { align: 'left' }, splitLine: { show: false } },
      series: QUADRANTS.map((q, i) => ({
        type: 'scatter',
        name: `${t(`quadrants.${q}.name`)} ${summary.quadrants[q]}`,
        data: byQuadrant[i]!.map((p) => [p.valuePercentile, p.potential]),
        symbol: SYMBOLS[q],
        symbolSize: 7,
        itemStyle: { color: QUADRANT_COLORS[q], opacity: 0.7 },
        emphasis: { scale: 1.8 },
        cursor: 'pointer',
        // A shape per dot: overlapping translucent dots show where clients crowd (ECharts' large
        // mode, one path per series, would draw a crowd as one flat patch).
        large: false,
        // Drawn 300 dots a frame: 3,000 dots drawn at once held the page for over a second. Each
        // series draws its own slice per frame, so the four quadrants take a quarter each.
        progressive: DOTS_PER_FRAME / QUADRANTS.length,
        progressiveThreshold: DOTS_PER_FRAME,
        ...(i === 0
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                label: { show: false },
                lineStyle: { type: 'dashed', color: '#595959' },
                data: [{ xAxis: SPLIT }, { yAxis: SPLIT }],
              },
            }
          : {}),
      })),
    };
  }, [summary, byQuadrant, metric, t]);

  const table = (
    <Table<Point>
      size="small"
      rowKey="id"
      dataSource={summary.scatter}
      pagination={{ pageSize: 8, showSizeChanger: false, size: 'small' }}
      columns={[
        { title: t('clients.columns.name'), dataIndex: 'name', ellipsis: true, render: (n: string, p) => <Button type="link" size="small" style={{ ...LINK_STYLE, paddingInline: 0 }} onClick={() => open(p)}>{n}</Button> },
        { title: t('clients.columns.tier'), dataIndex: 'tier', width: 56, render: (v: Point['tier']) => <TierTag tier={v} /> },
        { title: t('clients.columns.quadrant'), dataIndex: 'quadrant', width: 72, render: (v: QuadrantName) => <QuadrantTag quadrant={v} /> },
        { title: t('segments.quadrants.xAxis'), dataIndex: 'valuePercentile', align: 'right', render: (v: number) => pct(v, 0) },
        { title: t('segments.quadrants.yAxis'), dataIndex: 'potential', align: 'right', render: (v: number) => v.toFixed(2) },
        { title: metric, dataIndex: 'valueFen', align: 'right', render: (f: number) => formatYuan(f) },
      ]}
    />
  );

  const capped = summary.scatter.length < summary.clients;
  return (
    <ChartCard
      title={t('segments.quadrants.title')}
      chart={<EChart option={option} height={340} label={t('segments.quadrants.aria')} onItemClick={openAt} />}
      table={table}
      footer={
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('segments.quadrants.note')}
          {capped && ` ${t('segments.quadrants.capped', { shown: summary.scatter.length, total: summary.clients })}`}
        </Typography.Paragraph>
      }
    />
  );
}

/** Clients per quadrant, with what each quadrant asks of the RM; a row opens them on the Clients page. */
export function QuadrantCountsCard({ summary }: { summary: SegmentSummary }) {
  const { t } = useTranslation();
  const showSegment = useClients((s) => s.showSegment);
  const rows = QUADRANTS.map((q) => ({
    key: q,
    quadrant: q,
    name: t(`quadrants.${q}.name`),
    label: <QuadrantTag quadrant={q} />,
    hint: t(`quadrants.${q}.hint`),
    count: summary.quadrants[q],
  }));
  return (
    <Card size="small" title={t('segments.quadrants.countsTitle')} style={{ height: '100%' }}>
      <CountTable
        rows={rows}
        total={summary.clients}
        labelTitle={t('clients.columns.quadrant')}
        onOpen={(r) => showSegment({ quadrant: r.quadrant })}
      />
    </Card>
  );
}
