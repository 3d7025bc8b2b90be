import { Empty, type TableProps } from 'antd';
import { memo, useState, type KeyboardEvent, type ReactNode, type Ref, type UIEvent } from 'react';
import type { ClientListRow } from '../../../../shared/clients';

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
  rows: readonly ClientListRow[];
  columns: ClientColumn[];
  /** The columns' widths in px, as the header draws them. */
  widths: number[];
  height: number;
  /** What the vertical scrollbar takes from the last column (the header leaves the same gutter). */
  scrollbarSize: number;
  /** Ant Design's table keeps the header in step through these two. */
  bodyRef: BodyInfo['ref'];
  onScroll: BodyInfo['onScroll'];
  /** Called as the manager scrolls, with the pixels of rows left below the window. */
  onRemaining(px: number): void;
  onOpen(row: ClientListRow): void;
}

/**
 * The Clients table's body (Ant Design's `components.body`): rows of one fixed height, so the
 * window onto 100,000 rows is two divisions, not a walk over every row and a measurement of each
 * drawn one; only the rows in view (and a few either side) exist. Classes are Ant Design's virtual
 * table's, so the rows look and are found the same.
 */
export function ClientRows({ rows, columns, widths, height, scrollbarSize, bodyRef, onScroll, onRemaining, onOpen }: Props) {
  const [top, setTop] = useState(0);
  const [left, setLeft] = useState(0);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const template = widths.map((w, i) => `${i === widths.length - 1 ? w - scrollbarSize : w}px`).join(' ');
  const width = widths.reduce((a, b) => a + b, 0) - scrollbarSize;

  function scrolled(e: UIEvent<HTMLDivElement>) {
    const el = e.currentTarget;
    setTop(el.scrollTop);
    if (el.scrollLeft !== left) {
      setLeft(el.scrollLeft);
      onScroll({ currentTarget: el, scrollLeft: el.scrollLeft });
    }
    onRemaining(el.scrollHeight - el.scrollTop - el.clientHeight);
  }

  return (
    <div className="ant-table-tbody-virtual rm-client-rows">
      <div ref={bodyRef as Ref<HTMLDivElement>} className="ant-table-tbody-virtual-holder rm-client-rows-holder" style={{ height }} onScroll={scrolled}>
        {rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ width, paddingBlock: 32, margin: 0 }} />
        ) : (
          <div style={{ height: rows.length * ROW_HEIGHT, width, ['--rm-client-columns' as string]: template }}>
            <div style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }}>
              {rows.slice(first, last).map((row) => (
                <ClientRow key={row.id} row={row} columns={columns} onOpen={onOpen} />
              ))}
            </div>
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

function cellClass(c: ClientColumn): string {
  return `ant-table-cell${c.ellipsis ? ' ant-table-cell-ellipsis' : ''}${c.align === 'right' ? ' rm-cell-right' : ''}`;
}
