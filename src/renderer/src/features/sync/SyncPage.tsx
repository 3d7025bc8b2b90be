import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Modal, Row, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EnrolmentCard } from './EnrolmentCard';
import { HistoryCard } from './HistoryCard';
import { HqKeyForm } from './HqKeyForm';
import { PendingCard } from './PendingCard';
import { RosterConfirmModal } from './RosterConfirmModal';
import { SyncSettingsCard } from './SyncSettingsCard';
import { useSync } from './sync-store';

/** 同步: what waits for head office, the files exchanged with it, and how often to send. */
export function SyncPage() {
  const { t } = useTranslation();
  const { status, error, refusal, load, setProgress, setStatus } = useSync();
  const [installing, setInstalling] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => window.rm.on('sync.progress', (p) => setProgress(p)), [setProgress]);

  if (!status) {
    return error ? (
      <Alert role="alert" type="error" showIcon title={error} action={<Button size="small" onClick={() => void load()}>{t('syncPage.retry')}</Button>} />
    ) : (
      <Skeleton active paragraph={{ rows: 8 }} />
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!status.hq && (
        <Alert
          role="alert"
          type="warning"
          showIcon
          title={t('syncPage.notEnrolledTitle')}
          description={t('syncPage.notEnrolledBody')}
          action={
            <Button type="primary" icon={<SafetyCertificateOutlined aria-hidden />} onClick={() => setInstalling(true)}>
              {t('syncPage.install')}
            </Button>
          }
        />
      )}
      {status.due && (
        <Alert role="status" type="warning" showIcon title={t('syncReminder.title')} description={t(`syncReminder.${status.due}`, { count: status.pending.total })} />
      )}
      {refusal && (
        <Alert
          role="alert"
          type="error"
          showIcon
          closable={{ 'aria-label': t('clientDetail.close') }}
          onClose={() => useSync.setState({ refusal: null })}
          title={refusal.kind === 'roster' ? t('syncPage.refusedTitle') : t('syncPage.exportFailed')}
          description={
            refusal.kind === 'roster' ? (
              <>
                <div>{refusal.text}</div>
                <div>{t('syncPage.refusedBody')}</div>
              </>
            ) : (
              refusal.text
            )
          }
        />
      )}
      <Row gutter={[16, 16]} align="stretch">
        <Col xs={24} xl={13}>
          <PendingCard status={status} />
        </Col>
        <Col xs={24} xl={11}>
          <EnrolmentCard status={status} />
        </Col>
      </Row>
      <HistoryCard />
      <SyncSettingsCard settings={status.settings} />
      <RosterConfirmModal />
      <Modal open={installing} title={t('syncPage.installTitle')} footer={null} onCancel={() => setInstalling(false)} destroyOnHidden width={640}>
        <HqKeyForm
          installed={status.hq}
          onInstalled={(s) => {
            setStatus(s);
            setInstalling(false);
            void load();
          }}
        />
      </Modal>
    </Space>
  );
}
