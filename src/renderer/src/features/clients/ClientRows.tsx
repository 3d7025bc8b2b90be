import { Empty, type TableProps } from 'antd';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type UIEvent } from 'react';
import type { ClientListRow } from '../../../../shared/clients';
import { rowAt, type ClientPages } from './client-pages';

/** Every row of the Clients table is this tall (Ant Design's small cell: 8 + 22 + 8 px and a 1 px rule; the tags set the line to 23). */
export const ROW_HEIGHT = 40;
/** Rows drawn above and below the window, so a slow scroll never shows an empty band. */
const OVERSCAN = 4;

export interface ClientColumn {
  key: string;
  width: number;
  align?: 'right';
  /** Long text is cut with an ellipsis; this gives the whole text as the cell's title. */
  ellipsis?(row: ClientListRow): string;
  cell(row: ClientListRow): ReactNode;
}

/** What Ant Design's table hands its `components.body`. */
type BodyInfo = Parameters<Extract<NonNullable<TableProps<ClientListRow>['components']>['body'], (...args: never[]) => unknown>>[1];

interface Props {
  /** The loaded pages of the list; rows not in them are drawn as placeholders. */
  pages: ClientPages;
  /** Rows in the list: the scroll height is this many rows from the start (the scrollbar is the whole list). */
  total: number;
  /** When this changes (a new query, filter or sort), the table goes back to the top. */
  resetKey: unknown;
  columns: ClientColumn[];
  /** The columns' widths in px, as the header draws them. */
  widths: number[];
  height: number;
  /** What the vertical scrollbar takes from the last column (the header leaves the same gutter). */
  scrollbarSize: number;
  /** Ant Design's table keeps the header in step through these two. */
  bodyRef: BodyInfo['ref'];
  onScroll: BodyInfo['onScroll'];
  /** The rows drawn (first…last − 1), each time they change: the store fetches their pages. */
  onRange(first: number, last: number): void;
  onOpen(row: ClientListRow): void;
}

/**
 * The Clients table's body (Ant Design's `components.body`): rows of one fixed height, so the
 * window onto 100,000 rows is two divisions, not a walk over every row and a measurement of each
 * drawn one; only the rows in view (and a few either side) exist. Classes are Ant Design's virtual
 * table's, so the rows look and are found the same.
 */
export function ClientRows({ pages, total, resetKey, columns, widths, height, scrollbarSize, bodyRef, onScroll, onRange, onOpen }: Props) {
  const [top, setTop] = useState(0);
  const [left, setLeft] = useState(0);
  const first = Math.max(0, Math.min(Math.floor(top / ROW_HEIGHT), total) - OVERSCAN);
  const last = Math.min(total, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const holder = useRef<HTMLDivElement | null>(null);

  useEffect(() => onRange(first, last), [onRange, first, last, pages, total]);
  const seenKey = useRef(resetKey);
  useEffect(() => {
    if (seenKey.current === resetKey) return;
    seenKey.current = resetKey;
    if (holder.current) holder.current.scrollTop = 0;
    setTop(0);
  }, [resetKey]);
  const template = widths.map((w, i) => `${i === widths.length - 1 ? w - scrollbarSize : w}px`).join(' ');
  const width = widths.reduce((a, b) => a + b, 0) - scrollbarSize;

  function scrolled(e: UIEvent<HTMLDivElement>) {
    const el = e.currentTarget;
    setTop(el.scrollTop);
    if (el.scrollLeft !== left) {
      setLeft(el.scrollLeft);
      onScroll({ currentTarget: el, scrollLeft: el.scrollLeft });
    }
  }
  // Ant Design's table keeps its own handle on the scrolling element (the header follows it); the reset above needs one too.
  const setHolder = useCallback(
    (el: HTMLDivElement | null) => {
      holder.current = el;
      if (typeof bodyRef === 'function') bodyRef(el);
      else if (bodyRef) (bodyRef as { current: HTMLDivElement | null }).current = el;
    },
    [bodyRef],
  );

  const drawn: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const row = rowAt(pages, i);
    // Keyed by position: a placeholder turns into its row in place, and a client listed twice (the book changed between pages) cannot clash.
    drawn.push(row ? <ClientRow key={i} row={row} columns={columns} onOpen={onOpen} /> : <PlaceholderRow key={i} columns={columns} />);
  }

  return (
    <div className="ant-table-tbody-virtual rm-client-rows">
      <div ref={setHolder} className="ant-table-tbody-virtual-holder rm-client-rows-holder" style={{ height }} onScroll={scrolled}>
        {total === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ width, paddingBlock: 32, margin: 0 }} />
        ) : (
          // The whole list's height from the start (100,000 rows are 4,000,000 px, well inside what a browser lays out).
          <div style={{ height: total * ROW_HEIGHT, width, ['--rm-client-columns' as string]: template }}>
            <div style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }}>{drawn}</div>
          </div>
        )}
      </div>
    </div>
  );
}

/** One client: a row that opens the client on click or Enter. Kept while it stays in the window. */
const ClientRow = memo(function ClientRow({ row, columns, onOpen }: { row: ClientListRow; columns: ClientColumn[]; onOpen(row: ClientListRow): void }) {
  return (
    <div
      className="ant-table-row ant-table-row-level-0 rm-client-row"
      data-row-key={row.id}
      tabIndex={0}
      onClick={() => onOpen(row)}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Enter') onOpen(row);
      }}
    >
      {columns.map((c) => (
        <div key={c.key} className={cellClass(c)} title={c.ellipsis?.(row)}>
          {c.cell(row)}
        </div>
      ))}
    </div>
  );
});

/** A row not loaded yet: quiet grey bars in the row's cells, the height of a row (its page is on its way). */
const PlaceholderRow = memo(function PlaceholderRow({ columns }: { columns: ClientColumn[] }) {
  return (
    <div className="rm-client-row rm-client-row-placeholder" aria-hidden="true">
      {columns.map((c) => (
        <div key={c.key} className={cellClass(c)}>
          <span className="rm-client-bar" />
        </div>
      ))}
    </div>
  );
});

function cellClass(c: ClientColumn): string {
  return `ant-table-cell${c.ellipsis ? ' ant-table-cell-ellipsis' : ''}${c.align === 'right' ? ' rm-cell-right' : ''}`;
}
