import { Checkbox } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GreetingRow } from '../../../../shared/greetings';
import { ToneTag } from '../../components/ToneTag';
import { useClientDetail } from '../clients/detail-store';
import { dayHeading, isHoliday, localDay, occasionTitle, refKey, SMS_LONG_COLOR, STATUS_TONES } from './format';
import { useGreetings } from './greetings-store';

// The greetings of one page, grouped by day. Plain markup around a checkbox per row: a page
// holds up to 200 rows.

interface Group {
  date: string;
  rows: GreetingRow[];
}

function groupByDay(rows: GreetingRow[]): Group[] {
  const groups: Group[] = [];
  for (const r of rows) {
    const last = groups.at(-1);
    if (last?.date === r.date) last.rows.push(r);
    else groups.push({ date: r.date, rows: [r] });
  }
  return groups;
}

export function GreetingList({ rows }: { rows: GreetingRow[] }) {
  const { t } = useTranslation();
  return (
    <div aria-label={t('greetingsPage.listLabel')} role="region">
      {groupByDay(rows).map((g) => (
        <DayGroup key={g.date} group={g} />
      ))}
    </div>
  );
}

function DayGroup({ group }: { group: Group }) {
  const { t, i18n } = useTranslation();
  const selected = useGreetings((s) => s.selected);
  const holidays = [...new Set(group.rows.filter((r) => isHoliday(r.occasion)).map((r) => t(`occasionNames.${r.occasion}`)))];
  const relative = group.date === localDay(0) ? t('greetingsPage.today') : group.date === localDay(1) ? t('greetingsPage.tomorrow') : null;
  const headingId = `rm-gday-${group.date}`;
  return (
    <section className="rm-gday" aria-labelledby={headingId}>
      <h2 id={headingId} className="rm-gday-head">
        <span className="rm-gday-date">{dayHeading(group.date, i18n.language)}</span>
        {relative && <span className="rm-gday-rel">{relative}</span>}
        {holidays.map((h) => (
          <span key={h} className="rm-gday-holiday">{h}</span>
        ))}
        <span className="rm-gday-count">{t('greetingsPage.dayCount', { count: group.rows.length })}</span>
      </h2>
      <ul className="rm-glist">
        {group.rows.map((r) => (
          <Row key={refKey(r)} row={r} checked={selected.has(refKey(r))} />
        ))}
      </ul>
    </section>
  );
}

const Row = memo(function Row({ row, checked }: { row: GreetingRow; checked: boolean }) {
  const { t } = useTranslation();
  const title = occasionTitle(t, row);
  const excluded = row.status === 'excluded';
  const long = (row.sms?.segments ?? 0) > 1;
  const open = () => void useClientDetail.getState().open(row.clientId);
  const occasionTone = row.milestone ? 'warning' : row.occasion === 'birthday' ? 'accent' : row.occasion === 'company_anniversary' ? 'info' : 'neutral';
  return (
    <li className={`rm-grow${excluded ? ' rm-grow-excluded' : ''}${checked ? ' rm-grow-checked' : ''}`} data-status={row.status}>
      <Checkbox
        className="rm-grow-check"
        checked={checked}
        disabled={row.status !== 'pending'}
        aria-label={t('greetingsPage.rowSelect', { name: row.clientName, occasion: title })}
        onChange={(e) => useGreetings.getState().select([row], e.target.checked)}
      />
      <div className="rm-grow-who">
        <button type="button" className="rm-grow-name" onClick={open} title={t('greetingsPage.openClient', { name: row.clientName })}>
          {row.clientName}
        </button>
        <div className="rm-grow-tags">
          <ToneTag tone={occasionTone}>{row.milestone ? <strong>{title}</strong> : title}</ToneTag>
          {row.lunar && <ToneTag tone="neutral">{t('greetingsPage.lunar')}</ToneTag>}
        </div>
      </div>
      <div className="rm-grow-body">
        {row.text ? <p className="rm-grow-text">{row.text}</p> : <p className="rm-grow-text rm-grow-missing">{t('greetingsPage.noTemplate')}</p>}
        <div className="rm-grow-meta">
          <span>{t(`greetingsPage.channels.${row.channel}`)}</span>
          {row.sms && (
            <span style={long ? { color: SMS_LONG_COLOR, fontWeight: 600 } : undefined} title={long ? t('greetingsPage.smsLong', { segments: row.sms.segments }) : undefined}>
              {t('greetingsPage.smsLength', { chars: row.sms.chars, segments: row.sms.segments })}
            </span>
          )}
          {excluded && row.reason && <span className="rm-grow-reason">{t('greetingsPage.excluded', { reason: t(`greetingExclusions.${row.reason}`, { defaultValue: row.reason }) })}</span>}
          {row.status === 'skipped' && row.reason && <span className="rm-grow-reason">{t('greetingsPage.skippedBecause', { reason: row.reason })}</span>}
        </div>
      </div>
      <div className="rm-grow-status">
        <ToneTag tone={STATUS_TONES[row.status]}>{t(`greetingsPage.statuses.${row.status}`)}</ToneTag>
      </div>
    </li>
  );
});
