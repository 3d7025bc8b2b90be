import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitBrief } from '../../../../shared/followups';
import { errorText, invoke } from '../../api';
import { useSession } from '../../session-store';
import { isContactPurpose } from '../calendar/agenda-labels';
import { useQuickLog } from '../contacts/quick-log-store';
import { useVisitBrief } from './visit-brief-store';
import { VisitBriefSheet } from './VisitBriefSheet';
import './visit-brief.css';

/** 拜访准备 of the open follow-up (mounted once in the frame): one A4 page to print or save as PDF. */
export function VisitBriefHost() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const followupId = useVisitBrief((s) => s.followupId);
  const close = useVisitBrief((s) => s.close);
  const status = useSession((s) => s.status);
  const [brief, setBrief] = useState<VisitBrief | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    setBrief(null);
    setError(null);
    if (!followupId) return;
    let live = true;
    invoke('visits.brief', { followupId })
      .then((b) => live && setBrief(b))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [followupId]);

  async function print() {
    if (!brief) return;
    setPrinting(true);
    try {
      const { saved } = await invoke('shell.printToPdf', { fileName: `visit-brief-${brief.followup.date}.pdf` });
      if (saved) void message.success(t('visitBrief.printed'));
      else void message.info(t('visitBrief.notPrinted'));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setPrinting(false);
    }
  }

  function logResult() {
    if (!brief) return;
    close();
    const f = brief.followup;
    useQuickLog.getState().open({
      clientId: brief.client.id,
      clientName: brief.client.name,
      followupId: f.id,
      channel: 'visit',
      purpose: isContactPurpose(f.purpose) ? f.purpose : 'care',
      attendees: f.attendees,
    });
  }

  const manager = status?.displayName ? `${status.displayName}（${status.managerId ?? ''}）` : (status?.managerId ?? '');
  return (
    <Modal
      open={followupId !== null}
      rootClassName="rm-brief-root"
      title={brief ? `${t('visitBrief.title')} · ${brief.client.name}` : t('visitBrief.title')}
      width={880}
      style={{ top: 24 }}
      onCancel={close}
      destroyOnHidden
      closable={{ 'aria-label': t('visitBrief.close') }}
      footer={[
        <Button key="close" onClick={close}>{t('visitBrief.close')}</Button>,
        <Button key="log" icon={<EditOutlined />} disabled={!brief} onClick={logResult}>{t('visitBrief.logResult')}</Button>,
        <Button key="print" type="primary" icon={<PrinterOutlined />} disabled={!brief} loading={printing} onClick={() => void print()}>{t('visitBrief.print')}</Button>,
      ]}
    >
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      {!brief && !error && <Skeleton active paragraph={{ rows: 10 }} aria-label={t('visitBrief.loading')} />}
      {brief && (
        // Scrolls on its own (focusable, so the keyboard can scroll it); on paper it is just the page.
        <div className="rm-brief-scroll" tabIndex={0} role="region" aria-label={t('visitBrief.title')}>
          <div className="rm-brief-paper">
            <VisitBriefSheet brief={brief} manager={manager} />
          </div>
        </div>
      )}
    </Modal>
  );
}
