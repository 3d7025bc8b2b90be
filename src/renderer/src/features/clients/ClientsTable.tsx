import { Table, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import type { ClientListRow } from '../../../../shared/clients';
import { formatYuan } from '../../components/money';
import { useClients, type ClientSort } from './clients-store';
import { expiryState } from './format';
import { useAvailableBox } from './use-available-box';
import { BandTag, QuadrantTag, StateTag, TierTag } from '../../components/SegmentTags';
import { ToneTag } from '../../components/ToneTag';

const SORT_BY_COLUMN: Record<string, ClientSort> = { name: 'name', aumFen: 'aum', revenue12mFen: 'revenue' };
// Start the next page while this many pixels of rows are still below the fold.
const PREFETCH_PX = 600;
// The columns' widths add up to this; a wider window stretches them.
const MIN_WIDTH = 972;
const NUM = { fontVariantNumeric: 'tabular-nums' } as const;

/** The book as a virtual table: fixed header, server-side sort, pages of 1,000 rows fetched as the manager scrolls. */
export function ClientsTable({ onOpen }: { onOpen(row: ClientListRow): void }) {
  const { t } = useTranslation();
  const { rows, total, loading, loadingMore, filter, setFilter, loadMore } = useClients();
  const [ref, box] = useAvailableBox<HTMLDivElement>();
  const sortOrder = (key: ClientSort) => (filter.sort === key ? (filter.order === 'asc' ? 'ascend' : 'descend') : null);

  // Kind, tags and the recorded status live in the detail and the filters: the segment columns
  // take their place so the table still fits a 1280-px window without sideways scrolling.
  const columns: ColumnsType<ClientListRow> = [
    { title: t('clients.columns.clientNo'), dataIndex: 'clientNo', width: 92, ellipsis: true },
    { title: t('clients.columns.name'), dataIndex: 'name', key: 'name', width: 116, ellipsis: true, sorter: true, sortOrder: sortOrder('name'), render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
    { title: t('clients.columns.tier'), dataIndex: 'tier', width: 52, render: (v: ClientListRow['tier']) => <TierTag tier={v} /> },
    { title: t('clients.columns.quadrant'), dataIndex: 'quadrant', width: 72, render: (v: ClientListRow['quadrant']) => <QuadrantTag quadrant={v} /> },
    { title: t('clients.columns.band'), dataIndex: 'band', width: 96, render: (v: ClientListRow['band']) => <BandTag band={v} /> },
    { title: t('clients.columns.state'), dataIndex: 'state', width: 80, render: (v: ClientListRow['state']) => <StateTag state={v} /> },
    { title: t('clients.columns.mobile'), dataIndex: 'mobileMasked', width: 104 },
    { title: t('clients.columns.aum'), dataIndex: 'aumFen', key: 'aumFen', width: 128, align: 'right', sorter: true, sortOrder: sortOrder('aum'), render: (f: number) => <span style={NUM}>{formatYuan(f)}</span> },
    {
      title: t('clients.columns.revenue'),
      dataIndex: 'revenue12mFen',
      key: 'revenue12mFen',
      width: 116,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('revenue'),
      render: (f: number) => <Typography.Text style={NUM} type={f < 0 ? 'danger' : undefined}>{formatYuan(f)}</Typography.Text>,
    },
    { title: t('clients.columns.idExpiry'), dataIndex: 'idExpiry', width: 116, render: (d: string | null, r: ClientListRow) => (r.idLongTerm ? t('clientFields.idLongTerm') : <ExpiryCell date={d} />) },
  ];

  return (
    <div ref={ref}>
      <Typography.Paragraph type="secondary" role="status" style={{ marginBottom: 8 }}>
        {rows.length < total ? t('clients.shown', { shown: rows.length, total }) : t('clients.total', { count: total })}
        {loadingMore && ` · ${t('clients.loadingMore')}`}
      </Typography.Paragraph>
      <Table<ClientListRow>
        virtual
        size="small"
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: Math.max(MIN_WIDTH, box.width), y: Math.max(240, box.height - 90) }}
        showSorterTooltip={false}
        onChange={(_p, _f, sorter) => {
          const s = sorter as SorterResult<ClientListRow>;
          const key = SORT_BY_COLUMN[String(s.columnKey ?? '')];
          if (key && s.order) setFilter({ sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' });
          else setFilter({ sort: 'revenue', order: 'desc' });
        }}
        onScroll={(e) => {
          const el = e.currentTarget;
          if (el.scrollHeight - el.scrollTop - el.clientHeight < PREFETCH_PX) void loadMore();
        }}
        onRow={(r) => ({
          tabIndex: 0,
          style: { cursor: 'pointer' },
          onClick: () => onOpen(r),
          onKeyDown: (e) => {
            if (e.key === 'Enter') onOpen(r);
          },
        })}
      />
    </div>
  );
}

function ExpiryCell({ date }: { date: string | null }) {
  const { t } = useTranslation();
  const state = expiryState(date);
  if (!date || !state) return <Typography.Text type="secondary">—</Typography.Text>;
  if (state.level === 'expired') return <ToneTag tone="error" title={date}>{t('clients.expired', { days: -state.days })}</ToneTag>;
  if (state.level === 'soon') return <ToneTag tone="warning" title={date}>{state.days === 0 ? t('clients.expiresToday') : t('clients.expiresIn', { days: state.days })}</ToneTag>;
  return <span style={NUM}>{date}</span>;
}
