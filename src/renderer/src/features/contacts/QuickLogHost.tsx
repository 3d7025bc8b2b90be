import { Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientDetail } from '../clients/detail-store';
import { QuickLogForm } from './QuickLogForm';
import { useQuickLog, type QuickLogTarget } from './quick-log-store';

/**
 * The quick-log modal, mounted once in the unlocked frame. Ctrl+J (Cmd+J on a Mac) opens it
 * from anywhere; with a client's detail open, for that client.
 */
export function QuickLogHost() {
  const { t } = useTranslation();
  const target = useQuickLog((s) => s.target);
  const close = useQuickLog((s) => s.close);
  // The last target stays rendered while the modal animates closed; each opening starts a fresh form.
  const [shown, setShown] = useState<{ target: QuickLogTarget; n: number } | null>(null);
  if (target && target !== shown?.target) setShown({ target, n: (shown?.n ?? 0) + 1 });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'j') return;
      e.preventDefault();
      const quickLog = useQuickLog.getState();
      if (quickLog.target) return;
      const detail = useClientDetail.getState().detail;
      quickLog.open(detail ? { clientId: detail.id, clientName: detail.name } : {});
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Modal
      open={target !== null}
      onCancel={close}
      title={shown?.target.clientName ? t('quickLog.titleFor', { name: shown.target.clientName }) : t('quickLog.title')}
      footer={null}
      width={720}
      destroyOnHidden
      maskClosable={false}
      closable={{ 'aria-label': t('quickLog.cancel') }}
    >
      {shown && <QuickLogForm key={shown.n} target={shown.target} onDone={close} />}
    </Modal>
  );
}
