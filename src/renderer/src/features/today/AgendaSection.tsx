import { Badge, Button, Card, Empty, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SectionKey = 'overdue' | 'dueToday' | 'next7' | 'losingTouch' | 'kyc' | 'occasions';

/** Badge grounds dark enough for white digits (WCAG AA); grey when there is nothing to do. */
const BADGE_COLORS: Record<SectionKey, string> = {
  overdue: '#c41d1f',
  dueToday: '#1f5fbf',
  next7: '#1f5fbf',
  losingTouch: '#ad4e00',
  kyc: '#ad4e00',
  occasions: '#1f5fbf',
};
const ZERO_COLOR = '#595959';
/** Rows drawn at first and per 显示更多: enough to fill the card, cheap to draw for a busy book. */
const FIRST = 20;
const MORE = 50;

interface Props {
  section: SectionKey;
  /** All items of the section, as counted by the core. */
  total: number;
  /** The rows the core listed (at most 200). */
  rows: ReactNode[];
  /** A link beside the hint (e.g. 去发送 on the greetings card). */
  action?: ReactNode;
}

/** One section of the Today page: title with its count, its rows scrolling inside the card (more on request), or a calm empty state. */
export function AgendaSection({ section, total, rows, action }: Props) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(FIRST);
  const shown = rows.length;
  const headingId = `today-${section}-title`;
  const title = (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <Typography.Title level={3} id={headingId} style={{ fontSize: 16, margin: 0 }}>{t(`todayPage.sections.${section}`)}</Typography.Title>
      <Badge
        count={total}
        showZero
        overflowCount={99999}
        color={total > 0 ? BADGE_COLORS[section] : ZERO_COLOR}
        title={t('todayPage.countAria', { section: t(`todayPage.sections.${section}`), count: total })}
      />
    </span>
  );
  return (
    <section id={`today-${section}`} aria-labelledby={headingId} style={{ height: '100%' }}>
      <Card
        size="small"
        title={title}
        extra={
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`todayPage.hints.${section}`)}</Typography.Text>
            {action}
          </span>
        }
        style={{ height: '100%' }}
        styles={{ body: { padding: '0 12px' } }}
      >
        {shown === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`todayPage.empty.${section}`)} style={{ margin: '20px 0' }} />
        ) : (
          <div style={{ maxHeight: 344, overflowY: 'auto' }}>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{rows.slice(0, limit)}</ul>
            {shown > limit && (
              <Button color="primary" variant="link" onClick={() => setLimit(limit + MORE)} style={{ padding: 0, margin: '6px 0' }}>
                {t('todayPage.showMore', { count: shown - limit })}
              </Button>
            )}
          </div>
        )}
        {total > shown && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>
            {t('todayPage.capped', { shown, total })}
          </Typography.Paragraph>
        )}
      </Card>
    </section>
  );
}
