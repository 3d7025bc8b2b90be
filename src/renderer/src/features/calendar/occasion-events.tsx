import { GiftOutlined, TrophyOutlined } from '@ant-design/icons';
import type { EventInput } from '@fullcalendar/core';
import type { TFunction } from 'i18next';
import type { CalendarDay } from '../../../../shared/followups';
import type { OccasionEntry, OccasionKindName } from '../../../../shared/greetings';

// Occasions on the calendar: a client's birthday or company anniversary is a small all-day
// entry that cannot be dragged (click opens the client); a greeting holiday is a label in the
// day cell, in a calm colour beside the red statutory holiday name.

/** Pale grounds with dark text (WCAG AA), quieter than the follow-ups' solid colours. */
const OCCASION_COLORS = {
  birthday: { bg: '#fff0f6', border: '#ffadd2', text: '#9e1068' },
  company_anniversary: { bg: '#f9f0ff', border: '#d3adf7', text: '#531dab' },
} as const;

export const isOccasionEvent = (props: Record<string, unknown>): boolean => 'occasion' in props;

export function occasionEvents(occasions: OccasionEntry[]): EventInput[] {
  return occasions
    .filter((o) => o.clientId)
    .map((o) => {
      const c = o.kind === 'birthday' ? OCCASION_COLORS.birthday : OCCASION_COLORS.company_anniversary;
      return {
        id: `occ|${o.clientId}|${o.kind}|${o.date}|${o.title}`,
        start: o.date,
        allDay: true,
        title: `${o.clientName ?? ''} · ${o.title}`,
        backgroundColor: c.bg,
        borderColor: c.border,
        textColor: c.text,
        editable: false,
        classNames: ['rm-ev', 'rm-occ', `rm-occ-${o.kind === 'birthday' ? 'birthday' : 'anniversary'}`],
        extendedProps: { occasion: o, rank: 1 },
      };
    });
}

/** The statutory holidays (their Chinese names, whatever the locale) that are also greeting holidays. */
const STATUTORY_KIND: Record<string, OccasionKindName> = {
  元旦: 'new_year',
  春节: 'spring_festival',
  清明节: 'qingming',
  劳动节: 'labour_day',
  端午节: 'dragon_boat',
  中秋节: 'mid_autumn',
  国庆节: 'national_day',
};

/** Greeting holidays by day, without the ones the statutory holiday label already names. */
export function greetingHolidays(occasions: OccasionEntry[], days: Record<string, CalendarDay>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const o of occasions) {
    const statutory = days[o.date]?.holiday;
    if (o.clientId || (statutory && STATUTORY_KIND[statutory] === o.kind)) continue;
    const names = (out[o.date] ??= []);
    if (!names.includes(o.title)) names.push(o.title);
  }
  return out;
}

export function OccasionBody({ occasion, wide, t }: { occasion: OccasionEntry; wide: boolean; t: TFunction }) {
  const Icon = occasion.kind === 'birthday' ? GiftOutlined : TrophyOutlined;
  const name = occasion.clientName ?? '';
  return (
    <span className="rm-ev-body rm-occ-body" title={t('calendarOccasions.openClient', { title: occasion.title, name })}>
      <Icon aria-hidden />
      <span className="rm-ev-client">{name}</span>
      <span className={wide ? 'rm-ev-title' : 'rm-ev-type'}>{occasion.title}</span>
    </span>
  );
}

export function GreetingLabels({ names }: { names: string[] | undefined }) {
  if (!names?.length) return null;
  return (
    <>
      {names.map((n) => (
        <span key={n} className="rm-day-greeting">{n}</span>
      ))}
    </>
  );
}
