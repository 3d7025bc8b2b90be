import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../shared/followups';

/**
 * FullCalendar's markup, made right for screen readers (and axe) after each of its renders:
 * - a month cell is named by its day link, whose name is only the date: the cell is named
 *   from its content instead, and the link says the date with its lunar day and holiday;
 * - the prev / next chevrons are role="img" without text (the buttons carry the name);
 * - "+N more" is an <a> without href that expands a popover: it is a button.
 */
export function useCalendarA11y(root: RefObject<HTMLElement | null>, days: Record<string, CalendarDay>, greetings: Record<string, string[]> = {}): void {
  const { t, i18n } = useTranslation();
  const latest = useRef({ days, greetings, t, en: i18n.language === 'en' });
  latest.current = { days, greetings, t, en: i18n.language === 'en' };

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let frame = 0;
    const run = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => patch(el, latest.current));
    };
    const observer = new MutationObserver(run);
    observer.observe(el, { childList: true, subtree: true });
    run();
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [root]);

  useEffect(() => {
    if (root.current) patch(root.current, latest.current);
  }, [root, days, greetings, i18n.language]);
}

function patch(el: HTMLElement, { days, greetings, t, en }: { days: Record<string, CalendarDay>; greetings: Record<string, string[]>; t: (k: string, o?: Record<string, unknown>) => string; en: boolean }): void {
  el.querySelectorAll('.fc-icon[role="img"]').forEach((icon) => {
    icon.removeAttribute('role');
    icon.setAttribute('aria-hidden', 'true');
  });
  el.querySelectorAll('a.fc-more-link:not([href]):not([role])').forEach((link) => link.setAttribute('role', 'button'));
  el.querySelectorAll<HTMLElement>('td.fc-daygrid-day[data-date]').forEach((td) => {
    td.removeAttribute('aria-labelledby');
    const link = td.querySelector('.fc-daygrid-day-number');
    const date = td.dataset['date'];
    if (!link || !date) return;
    const day = days[date];
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const when = en ? new Date(y, m - 1, d).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' }) : `${y}年${m}月${d}日`;
    const notes = [
      day?.holiday ? `${day.holiday}（${t('calendarPage.holidayBadge')}）` : null,
      day?.makeUpWorkday ? t('calendarPage.makeUpWorkday') : null,
      greetings[date]?.length ? t('calendarOccasions.greetingDay', { names: greetings[date].join('、') }) : null,
      day?.lunar ? t('calendarPage.lunarLabel', { lunar: day.lunar }) : null,
    ].filter(Boolean);
    const label = [when, ...notes].join(' ');
    if (link.getAttribute('aria-label') !== label) link.setAttribute('aria-label', label);
  });
}
