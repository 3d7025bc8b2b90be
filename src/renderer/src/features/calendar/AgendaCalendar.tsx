import { CheckOutlined } from '@ant-design/icons';
import type { DatesSetArg, DayCellContentArg, DayHeaderContentArg, EventClickArg, EventContentArg, EventDropArg, EventInput } from '@fullcalendar/core';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import { App } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../shared/followups';
import type { OccasionEntry } from '../../../../shared/greetings';
import { errorText, invoke } from '../../api';
import { useClientDetail } from '../clients/detail-store';
import { addDaysKey, dayKey, TYPE_COLORS } from './agenda-labels';
import { useCalendar, type CalendarItem } from './calendar-store';
import { GreetingLabels, greetingHolidays, isOccasionEvent, OccasionBody, occasionEvents } from './occasion-events';
import { useCalendarA11y } from './use-calendar-a11y';

const PLUGINS = [dayGridPlugin, listPlugin, interactionPlugin];
/** Follow-ups first, then birthdays and anniversaries: a busy day's work is not hidden behind +N. */
const EVENT_ORDER = ['rank', 'title'];

/** Month, week, day and list views of the agenda, with lunar dates, holidays and drag to reschedule. */
export function AgendaCalendar({ onOpen }: { onOpen(item: CalendarItem): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { items, days, occasions, setRange, moved } = useCalendar();
  const en = i18n.language === 'en';
  const root = useRef<HTMLDivElement>(null);
  const greetings = useMemo(() => greetingHolidays(occasions, days), [occasions, days]);
  useCalendarA11y(root, days, greetings);

  const events = useMemo<EventInput[]>(
    () => [
      ...items.map((i) => ({
        id: i.id,
        start: i.date,
        allDay: true,
        title: `${i.clientName} · ${t(`followupTypes.${i.type}`)}`,
        backgroundColor: i.done ? '#ffffff' : TYPE_COLORS[i.type],
        borderColor: TYPE_COLORS[i.type],
        textColor: i.done ? '#262626' : '#ffffff',
        editable: !i.done,
        classNames: ['rm-ev', `rm-ev-${i.type}`, ...(i.overdue ? ['rm-ev-overdue'] : []), ...(i.done ? ['rm-ev-done'] : [])],
        extendedProps: { item: i, rank: 0 },
      })),
      ...occasionEvents(occasions),
    ],
    [items, occasions, t],
  );

  async function drop(info: EventDropArg) {
    const date = info.event.start ? dayKey(info.event.start) : null;
    if (!date) return info.revert();
    try {
      const r = await invoke('followups.reschedule', { id: info.event.id, date });
      moved(r.id, r.date, r.overdue);
      void message.success(t('calendarPage.rescheduled', { date: r.date }));
    } catch (e) {
      info.revert();
      void message.error(errorText(e));
    }
  }

  return (
    <div ref={root} className="rm-cal" aria-label={t('calendarPage.calendarLabel')} role="region">
      <FullCalendar
        plugins={PLUGINS}
        locale={en ? 'en' : zhCnLocale}
        firstDay={1}
        initialView="dayGridMonth"
        height="auto"
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,dayGridWeek,dayGridDay,listMonth' }}
        buttonText={{ today: t('calendarPage.today') }}
        views={{
          dayGridMonth: { buttonText: t('calendarPage.views.month') },
          dayGridWeek: { buttonText: t('calendarPage.views.week') },
          dayGridDay: { buttonText: t('calendarPage.views.day') },
          listMonth: { buttonText: t('calendarPage.views.list') },
        }}
        buttonHints={{ prev: t('calendarPage.hints.prev'), next: t('calendarPage.hints.next'), today: t('calendarPage.hints.today') }}
        viewHint={(text: string) => t('calendarPage.hints.view', { view: text })}
        moreLinkHint={(n: number) => t('calendarPage.more', { count: n })}
        moreLinkContent={(arg) => t('calendarPage.more', { count: arg.num })}
        closeHint={t('calendarPage.event.close')}
        noEventsText={t('calendarPage.noEvents')}
        events={events}
        editable
        eventDurationEditable={false}
        eventInteractive
        dayMaxEvents={4}
        fixedWeekCount={false}
        datesSet={(arg: DatesSetArg) => setRange(dayKey(arg.start), addDaysKey(dayKey(arg.end), -1))}
        eventDrop={(info) => void drop(info)}
        eventOrder={EVENT_ORDER}
        eventClick={(arg: EventClickArg) => {
          arg.jsEvent.preventDefault();
          const occasion = arg.event.extendedProps['occasion'] as OccasionEntry | undefined;
          if (occasion?.clientId) void useClientDetail.getState().open(occasion.clientId);
          else onOpen(arg.event.extendedProps['item'] as CalendarItem);
        }}
        eventContent={(arg) =>
          isOccasionEvent(arg.event.extendedProps) ? (
            <OccasionBody occasion={arg.event.extendedProps['occasion'] as OccasionEntry} wide={arg.view.type !== 'dayGridMonth'} t={t} />
          ) : (
            <EventBody arg={arg} />
          )
        }
        dayCellContent={(arg) => <DayCell arg={arg} day={days[dayKey(arg.date)]} greetings={greetings[dayKey(arg.date)]} />}
        dayCellClassNames={(arg) => dayClasses(days[dayKey(arg.date)])}
        dayHeaderContent={(arg) => <DayHeader arg={arg} day={days[dayKey(arg.date)]} greetings={greetings[dayKey(arg.date)]} />}
        dayHeaderClassNames={(arg) => (arg.view.type === 'dayGridMonth' ? [] : dayClasses(days[dayKey(arg.date)]))}
      />
    </div>
  );
}

function dayClasses(day: CalendarDay | undefined): string[] {
  if (day?.holiday) return ['rm-day-holiday'];
  if (day?.makeUpWorkday) return ['rm-day-makeup'];
  return [];
}

function EventBody({ arg }: { arg: EventContentArg }) {
  const { t } = useTranslation();
  const item = arg.event.extendedProps['item'] as CalendarItem;
  const type = t(`followupTypes.${item.type}`);
  const wide = arg.view.type !== 'dayGridMonth';
  return (
    <span className="rm-ev-body" title={`${type} · ${item.clientName} · ${item.title}`}>
      {item.overdue && <span className="rm-ev-flag">{t('calendarPage.overdueFlag')}</span>}
      {item.done && <CheckOutlined aria-label={t('calendarPage.done')} />}
      <span className="rm-ev-client">{item.clientName}</span>
      {!(wide && item.title.startsWith(type)) && <span className="rm-ev-type">{type}</span>}
      {wide && <span className="rm-ev-title">{item.title}</span>}
    </span>
  );
}

/** A month cell: the day, its lunar date, and 休 / 班 with the holiday's name. */
function DayCell({ arg, day, greetings }: { arg: DayCellContentArg; day: CalendarDay | undefined; greetings: string[] | undefined }) {
  if (arg.view.type !== 'dayGridMonth') return <>{arg.dayNumberText}</>;
  return (
    <span className="rm-day-top">
      <span className="rm-day-notes">
        {day?.holiday && <span className="rm-day-holiday-name">{day.holiday}</span>}
        <GreetingLabels names={greetings} />
        {day?.lunar && <span className="rm-lunar">{day.lunar}</span>}
      </span>
      <span className="rm-day-num">
        <DayBadge day={day} />
        {arg.date.getDate()}
      </span>
    </span>
  );
}

function DayBadge({ day }: { day: CalendarDay | undefined }) {
  const { t } = useTranslation();
  if (day?.holiday) return <span className="rm-cal-badge rm-cal-badge-off" title={t('calendarPage.holidayHint')}>{t('calendarPage.holidayBadge')}</span>;
  if (day?.makeUpWorkday) return <span className="rm-cal-badge rm-cal-badge-work" title={t('calendarPage.makeUpWorkday')}>{t('calendarPage.workdayBadge')}</span>;
  return null;
}

/** Column headers of the week and day views (and the day rows of the list) carry the same notes. */
function DayHeader({ arg, day, greetings }: { arg: DayHeaderContentArg; day: CalendarDay | undefined; greetings: string[] | undefined }) {
  if (arg.view.type === 'dayGridMonth') return <>{arg.text}</>;
  const side = typeof arg['sideText'] === 'string' ? (arg['sideText'] as string) : '';
  return (
    <span className="rm-day-header">
      <span>{arg.text}</span>
      {side && <span>{side}</span>}
      <DayBadge day={day} />
      {day?.holiday && <span className="rm-day-holiday-name">{day.holiday}</span>}
      <GreetingLabels names={greetings} />
      {day?.lunar && <span className="rm-lunar">{day.lunar}</span>}
    </span>
  );
}
