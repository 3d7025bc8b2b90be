import { Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentSummary } from '../../../../shared/segments';
import { ChartCard } from './ChartCard';
import { EChart, type ChartOption } from './EChart';
import { pct, valueShareAt } from './format';

const LINE = '#1f5fbf';
const MARK = '#a8071a';
const STEPS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** The Pareto (Lorenz) curve: share of clients, best first, against the cumulative share of value. */
export function ParetoCard({ summary }: { summary: SegmentSummary }) {
  const { t } = useTranslation();
  const metric = t(`segments.metrics.${summary.metric}`);
  const cut = summary.shareOfClientsFor80Percent;
  const option = useMemo<ChartOption>(() => {
    const axisPct = { formatter: (v: number) => `${Math.round(v * 100)}%` };
    return {
      grid: { left: 56, right: 28, top: 40, bottom: 48 },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { data: [number, number] }[]) => {
          const [x, y] = items[0]?.data ?? [0, 0];
          return t('segments.pareto.tooltip', { clients: pct(x), value: pct(y), metric });
        },
      },
      xAxis: { type: 'value', min: 0, max: 1, name: t('segments.pareto.xAxis'), nameLocation: 'middle', nameGap: 30, axisLabel: axisPct },
      yAxis: { type: 'value', min: 0, max: 1, name: t('segments.pareto.yAxis', { metric }), nameTextStyle: { align: 'left' }, axisLabel: axisPct },
      series: [
        {
          type: 'line',
          name: t('segments.pareto.curve'),
          data: summary.curve.map((p) => [p.clientShare, p.valueShare]),
          showSymbol: false,
          lineStyle: { width: 2.5, color: LINE },
          itemStyle: { color: LINE },
          areaStyle: { color: LINE, opacity: 0.08 },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', color: MARK, width: 1.5 },
            label: { color: MARK, fontWeight: 'bold' },
            data: [
              { yAxis: 0.8, label: { formatter: '80%', position: 'insideStartTop' } },
              ...(cut > 0 ? [{ xAxis: cut, label: { formatter: t('segments.pareto.cut', { share: pct(cut) }), position: 'end' } }] : []),
            ],
          },
        },
        {
          type: 'line',
          name: t('segments.pareto.equal'),
          data: [
            [0, 0],
            [1, 1],
          ],
          showSymbol: false,
          silent: true,
          lineStyle: { type: 'dotted', color: '#8c8c8c', width: 1 },
          tooltip: { show: false },
        },
      ],
    };
  }, [summary, cut, metric, t]);

  const rows = useMemo(() => {
    const steps = [...new Set([...STEPS, ...(cut > 0 ? [cut] : [])])].sort((a, b) => a - b);
    return steps.map((s) => ({ key: String(s), clientShare: s, clients: Math.round(s * summary.clients), valueShare: s === cut ? 0.8 : valueShareAt(summary.curve, s), cut: s === cut }));
  }, [summary, cut]);

  const table = (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: t('segments.pareto.xAxis'), dataIndex: 'clientShare', render: (v: number, r) => (r.cut ? <Typography.Text strong>{t('segments.pareto.cut', { share: pct(v) })}</Typography.Text> : t('segments.pareto.top', { share: pct(v, 0) })) },
        { title: t('segments.clientsCount'), dataIndex: 'clients', align: 'right' },
        { title: t('segments.pareto.yAxis', { metric }), dataIndex: 'valueShare', align: 'right', render: (v: number, r) => (r.cut ? <Typography.Text strong>{pct(v)}</Typography.Text> : pct(v)) },
      ]}
    />
  );

  return (
    <ChartCard
      title={t('segments.pareto.title')}
      chart={<EChart option={option} height={300} label={t('segments.pareto.aria', { share: pct(cut), metric })} />}
      table={table}
      footer={<Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('segments.pareto.note')}</Typography.Paragraph>}
    />
  );
}
