import { Alert, Button, Card, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientDetailHost } from '../clients/ClientDetailHost';
import { useQuickLog } from '../contacts/quick-log-store';
import { AgendaCalendar } from './AgendaCalendar';
import { CalendarToolbar } from './CalendarToolbar';
import { useCalendar, type CalendarItem } from './calendar-store';
import { EventDrawer } from './EventDrawer';
import { ExportIcsModal } from './ExportIcsModal';
import { NewFollowupModal } from './NewFollowupModal';
import './calendar.css';

/** 日程: the agenda on a Chinese calendar (lunar dates, 休 / 班), to plan, move and export follow-ups. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { items, error, load } = useCalendar();
  const savedCount = useQuickLog((s) => s.savedCount);
  const [selected, setSelected] = useState<CalendarItem | null>(null);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  // Back on the page, or after a contact was logged anywhere: the agenda may have changed.
  useEffect(() => {
    void load();
  }, [load, savedCount]);

  const sorted = useMemo(() => [...items].sort((a, b) => a.date.localeCompare(b.date) || a.clientName.localeCompare(b.clientName)), [items]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <CalendarToolbar onCreate={() => setCreating(true)} onExport={() => setExporting(true)} />
      </Card>
      {error && <Alert role="alert" type="error" showIcon title={error} action={<Button size="small" onClick={() => void load()}>{t('calendarPage.retry')}</Button>} />}
      <Card size="small">
        <AgendaCalendar onOpen={setSelected} />
      </Card>
      <EventDrawer item={selected} onClose={() => setSelected(null)} onChanged={() => void load()} />
      <NewFollowupModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void load();
        }}
      />
      <ExportIcsModal open={exporting} items={sorted} onClose={() => setExporting(false)} />
      <ClientDetailHost onChanged={() => void load()} />
    </Space>
  );
}
