import { Alert, App, Button, Checkbox, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, invoke } from '../../api';
import { downloadText } from '../../components/download';
import type { CalendarItem } from './calendar-store';

const MAX_IDS = 5000;

interface Props {
  open: boolean;
  /** The items of the current view, in date order. */
  items: CalendarItem[];
  onClose(): void;
}

/** 导出到 Outlook: the shown items (or the ticked ones) as an .ics file with masked names only. */
export function ExportIcsModal({ open, items, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) setPicked(new Set(items.slice(0, MAX_IDS).map((i) => i.id)));
  }, [open, items]);

  async function exportIcs() {
    setBusy(true);
    try {
      const r = await invoke('agenda.exportIcs', { ids: [...picked] });
      downloadText(r.fileName, r.content, 'text/calendar;charset=utf-8');
      void message.success(t('calendarPage.ics.exported', { count: r.count }));
      onClose();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const all = picked.size === Math.min(items.length, MAX_IDS) && items.length > 0;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };

  return (
    <Modal
      open={open}
      title={t('calendarPage.ics.title')}
      width={620}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{t('calendarPage.ics.cancel')}</Button>,
        <Button key="export" type="primary" loading={busy} disabled={picked.size === 0} onClick={() => void exportIcs()}>
          {t('calendarPage.ics.export', { count: picked.size })}
        </Button>,
      ]}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('calendarPage.ics.intro', { count: items.length })}</Typography.Paragraph>
        <Alert type="info" showIcon title={t('calendarPage.ics.note')} />
        {items.length === 0 ? (
          <Typography.Text type="secondary">{t('calendarPage.ics.none')}</Typography.Text>
        ) : (
          <>
            <Checkbox checked={all} indeterminate={!all && picked.size > 0} onChange={(e) => setPicked(new Set(e.target.checked ? items.slice(0, MAX_IDS).map((i) => i.id) : []))}>
              {t('calendarPage.ics.selectAll')}
            </Checkbox>
            <ul className="rm-ics-list">
              {items.slice(0, MAX_IDS).map((i) => (
                <li key={i.id}>
                  <Checkbox checked={picked.has(i.id)} onChange={(e) => toggle(i.id, e.target.checked)}>
                    {i.date} · {t(`followupTypes.${i.type}`)} · {i.clientName}
                  </Checkbox>
                </li>
              ))}
            </ul>
          </>
        )}
      </Space>
    </Modal>
  );
}
