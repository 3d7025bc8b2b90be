import { Empty, type TableProps } from 'antd';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type UIEvent } from 'react';
import type { ClientListRow } from '../../../../shared/clients';
import { rowAt } from './client-pages';
import { useClients } from './clients-store';
import { useRowSlots } from './row-slots';
import { useRowWindow } from './use-row-window';

/** Every row of the Clients table is this tall (Ant Design's small cell: 8 + 22 + 8 px and a 1 px rule; the tags set the line to 23). */
export const ROW_HEIGHT = 40;

export interface ClientColumn {
  key: string;
  width: number;
  align?: 'right';
  /** Long text is cut with an ellipsis; this gives the whole text as the cell's title. */
  ellipsis?(row: ClientListRow): string;
  /** The text's look (weight, figures, colour) as classes of the cell itself: no element inside the cell just to style it. */
  textClass?(row: ClientListRow): string;
  cell(row: ClientListRow): ReactNode;
}

/** What Ant Design's table hands its `components.body`. */
type BodyInfo = Parameters<Extract<NonNullable<TableProps<ClientListRow>['components']>['body'], (...args: never[]) => unknown>>[1];

interface Props {
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
 * table's, so the rows look and are found the same. The loaded pages come straight from the store:
 * a page arriving redraws these rows only, not the Ant Design table around them.
 */
export const ClientRows = memo(function ClientRows({ resetKey, columns, widths, height, scrollbarSize, bodyRef, onScroll, onRange, onOpen }: Props) {
  const pages = useClients((s) => s.pages);
  // Rows in the list: the scroll height is this many rows from the start (the scrollbar is the whole list).
  const total = useClients((s) => s.total);
  const { first, last, scrolledTo } = useRowWindow(ROW_HEIGHT, height, total);
  const slotOf = useRowSlots(first, last);
  const [left, setLeft] = useState(0);
  const holder = useRef<HTMLDivElement | null>(null);

  useEffect(() => onRange(first, last), [onRange, first, last, pages, total]);
  const seenKey = useRef(resetKey);
  useEffect(() => {
    if (seenKey.current === resetKey) return;
    seenKey.current = resetKey;
    if (holder.current) holder.current.scrollTop = 0;
    scrolledTo(0);
  }, [resetKey, scrolledTo]);
  const template = widths.map((w, i) => `${i === widths.length - 1 ? w - scrollbarSize : w}px`).join(' ');
  const width = widths.reduce((a, b) => a + b, 0) - scrollbarSize;

  function scrolled(e: UIEvent<HTMLDivElement>) {
    const el = e.currentTarget;
    scrolledTo(el.scrollTop);
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

  // Keyed by slot (see useRowSlots), not by client: scrolled, a slot's elements take their new
  // client's text in place. A screenful of rows removed and created anew each frame (each styled
  // and laid out from nothing) was most of a scroll frame's work. A client listed twice (the book
  // changed between pages) cannot clash either.
  const drawn: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const row = rowAt(pages, i);
    drawn.push(row ? <ClientRow key={slotOf(i)} row={row} columns={columns} onOpen={onOpen} /> : <PlaceholderRow key={slotOf(i)} columns={columns} />);
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
});

/** One client: a row that opens the client on click or Enter. Redrawn only when its slot shows another client. */
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
        <div key={c.key} className={c.textClass ? `${cellClass(c)} ${c.textClass(row)}` : cellClass(c)} title={c.ellipsis?.(row)}>
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
