import { Table, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { memo, useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientListRow } from '../../../../shared/clients';
import { formatYuan } from '../../components/money';
import { segmentTagCells } from '../../components/SegmentTags';
import { ToneTag } from '../../components/ToneTag';
import { ClientRows, type ClientColumn } from './ClientRows';
import { useClients, type ClientSort } from './clients-store';
import { expiryState } from './format';
import { useAvailableBox } from './use-available-box';
import './clients-table.css';

const SORT_BY_COLUMN: Record<string, ClientSort> = { name: 'name', aumFen: 'aum', revenue12mFen: 'revenue' };
/** The book as a virtual table: fixed header, server-side sort, the scrollbar the whole list, pages of 1,000 rows fetched where the manager scrolls to. */
export const ClientsTable = memo(function ClientsTable({ onOpen }: { onOpen(row: ClientListRow): void }) {
  const { t } = useTranslation();
  // Only what the table draws: the count line and the rows have their own subscriptions, so a
  // page starting to load or arriving does not redraw the table.
  const hasRows = useClients((s) => s.pages.size > 0);
  const filter = useClients((s) => s.filter);
  const loading = useClients((s) => s.loading);
  const sort = useClients((s) => s.filter.sort);
  const order = useClients((s) => s.filter.order);
  const setFilter = useClients((s) => s.setFilter);
  const show = useClients((s) => s.show);
  const onRange = useCallback((first: number, last: number) => show(first, last), [show]);
  const [ref, box] = useAvailableBox<HTMLDivElement>();
  const cells = useMemo(() => clientColumns(t), [t]);
  // The columns' widths add up to MIN_WIDTH; a wider window stretches them. Header and body share these numbers.
  const width = Math.max(MIN_WIDTH, box.width);
  const widths = useMemo(() => stretch(cells.map((c) => c.width), width), [cells, width]);
  const height = Math.max(240, box.height - 90);
  const columns = useMemo(() => headerColumns(cells, widths, sort, order), [cells, widths, sort, order]);
  // Ant Design's table draws the header, the sorters and the loading veil; ClientRows draws the
  // rows, straight from the store. The table is handed one row, so it lays the header out for a
  // filled body: handed the rows, it walks every one (selection keys, sorting, flattening)
  // each time a page arrives, for rows it never draws. Any loaded row will do, so it is taken
  // when rows come or go, not each time the first loaded page changes.
  const headerRows = useMemo(() => (hasRows ? [useClients.getState().pages.values().next().value![0]!] : []), [hasRows]);

  return (
    <div ref={ref}>
      <ClientsCount />
      <Table<ClientListRow>
        size="small"
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={headerRows}
        pagination={false}
        scroll={{ x: width, y: height }}
        showSorterTooltip={false}
        components={{
          body: (_headerRows, info) => (
            <ClientRows
              resetKey={filter}
              columns={cells}
              widths={widths}
              height={height}
              scrollbarSize={info.scrollbarSize}
              bodyRef={info.ref}
              onScroll={info.onScroll}
              onRange={onRange}
              onOpen={onOpen}
            />
          ),
        }}
        onChange={(_p, _f, sorter) => {
          const s = sorter as SorterResult<ClientListRow>;
          const key = SORT_BY_COLUMN[String(s.columnKey ?? '')];
          if (key && s.order) setFilter({ sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' });
          else setFilter({ sort: 'revenue', order: 'desc' });
        }}
      />
    </div>
  );
});

/** "100,000 clients" above the table, and whether a page of rows is on its way. */
function ClientsCount() {
  const { t } = useTranslation();
  const total = useClients((s) => s.total);
  const fetching = useClients((s) => s.fetching > 0);
  return (
    <Typography.Paragraph type="secondary" role="status" style={{ marginBottom: 8 }}>
      {t('clients.total', { count: total })}
      {fetching && ` · ${t('app.loading')}`}
    </Typography.Paragraph>
  );
}

interface ClientCell extends ClientColumn {
  title: string;
  sort?: ClientSort;
}

/**
 * Kind, tags and the recorded status live in the detail and the filters: the segment columns
 * take their place so the table still fits a 1280-px window without sideways scrolling.
 * Cells are plain elements with classes (no Ant Design component, no hook, no inline style):
 * scrolling draws a screenful of new rows every frame.
 */
function clientColumns(t: TFunction): ClientCell[] {
  const tags = segmentTagCells(t);
  const longTerm = t('clientFields.idLongTerm');
  const expiry = expiryCells(t);
  return [
    { key: 'clientNo', title: t('clients.columns.clientNo'), width: 92, ellipsis: (r) => r.clientNo ?? '', cell: (r) => r.clientNo },
    { key: 'name', title: t('clients.columns.name'), width: 116, sort: 'name', ellipsis: (r) => r.name, textClass: () => 'rm-cell-strong', cell: (r) => r.name },
    { key: 'tier', title: t('clients.columns.tier'), width: 52, cell: (r) => tags.tier(r.tier) },
    { key: 'quadrant', title: t('clients.columns.quadrant'), width: 72, cell: (r) => tags.quadrant(r.quadrant) },
    { key: 'band', title: t('clients.columns.band'), width: 96, cell: (r) => tags.band(r.band) },
    { key: 'state', title: t('clients.columns.state'), width: 80, cell: (r) => tags.state(r.state) },
    { key: 'mobileMasked', title: t('clients.columns.mobile'), width: 104, cell: (r) => r.mobileMasked },
    { key: 'aumFen', title: t('clients.columns.aum'), width: 128, align: 'right', sort: 'aum', textClass: () => 'rm-num', cell: (r) => formatYuan(r.aumFen) },
    {
      key: 'revenue12mFen',
      title: t('clients.columns.revenue'),
      width: 116,
      align: 'right',
      sort: 'revenue',
      textClass: (r) => (r.revenue12mFen < 0 ? 'rm-num rm-cell-danger' : 'rm-num'),
      cell: (r) => formatYuan(r.revenue12mFen),
    },
    { key: 'idExpiry', title: t('clients.columns.idExpiry'), width: 116, cell: (r) => (r.idLongTerm ? longTerm : expiry(r.idExpiry)) },
  ];
}

// The columns' widths add up to this; a wider window stretches them.
const MIN_WIDTH = 972;

/** The header's columns: titles, widths and sorting (the body draws the cells). */
function headerColumns(cells: ClientCell[], widths: number[], sort: ClientSort, order: 'asc' | 'desc'): ColumnsType<ClientListRow> {
  return cells.map((c, i) => ({
    key: c.key,
    dataIndex: c.key,
    title: c.title,
    width: widths[i],
    align: c.align,
    ellipsis: !!c.ellipsis,
    ...(c.sort ? { sorter: true, sortOrder: sort === c.sort ? (order === 'asc' ? 'ascend' : 'descend') : null } : {}),
  }));
}

/** Widths scaled to fill `total` px, in whole pixels, the last column taking what rounding leaves (as Ant Design's virtual table does). */
function stretch(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const scaled = widths.map((w) => Math.floor((w * total) / sum));
  scaled[scaled.length - 1] = total - scaled.slice(0, -1).reduce((a, b) => a + b, 0);
  return scaled;
}

/** The ID expiry cell; its sentences are worded once per number of days (i18next's t costs more than the cell). */
function expiryCells(t: TFunction): (date: string | null) => ReactNode {
  const worded = new Map<string, string>();
  const text = (key: string, days: number) => {
    let s = worded.get(`${key}:${days}`);
    if (s === undefined) worded.set(`${key}:${days}`, (s = t(key, { days })));
    return s;
  };
  return (date) => {
    const state = expiryState(date);
    if (!date || !state) return <span className="rm-cell-secondary">—</span>;
    if (state.level === 'expired') return <ToneTag tone="error" title={date}>{text('clients.expired', -state.days)}</ToneTag>;
    if (state.level === 'soon') return <ToneTag tone="warning" title={date}>{state.days === 0 ? text('clients.expiresToday', 0) : text('clients.expiresIn', state.days)}</ToneTag>;
    return <span className="rm-num">{date}</span>;
  };
}
