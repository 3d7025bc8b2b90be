import { DownloadOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/sync';
import { errorText, invoke } from '../../api';
import { downloadText } from '../../components/download';
import { Fingerprint } from '../sync/Fingerprint';
import { HqKeyForm } from '../sync/HqKeyForm';
import { instantText } from '../sync/format';

/** 总行同步: this device's fingerprint and enrolment file for HQ, and HQ's public key (install or replace). */
export function HqSyncCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [replacing, setReplacing] = useState(false);

  useEffect(() => {
    invoke('sync.status', {}).then(setStatus, (e) => void message.error(errorText(e)));
  }, [message]);

  async function downloadEnrolment() {
    try {
      const file = await invoke('sync.enrolment', {});
      downloadText(file.fileName, file.content, 'application/pgp-keys');
      void message.success(t('hqKey.enrolmentSaved', { fileName: file.fileName }));
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  const hq = status?.hq ?? null;
  return (
    <Card title={t('hqKey.card')} id="settings-hq-sync">
      <Typography.Paragraph type="secondary">{t('hqKey.intro')}</Typography.Paragraph>
      {status && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 150 } }}
            items={[
              {
                key: 'device',
                label: t('hqKey.deviceFp'),
                children: (
                  <Space orientation="vertical" size={8}>
                    <Fingerprint value={status.device.fingerprint} label={t('hqKey.deviceFp')} />
                    <Button size="small" icon={<DownloadOutlined aria-hidden />} onClick={() => void downloadEnrolment()}>
                      {t('hqKey.downloadEnrolment')}
                    </Button>
                  </Space>
                ),
              },
              {
                key: 'hq',
                label: t('hqKey.hqFp'),
                children: hq ? (
                  <Space orientation="vertical" size={4}>
                    <Fingerprint value={hq.fingerprint} label={t('hqKey.hqFp')} />
                    <Typography.Text type="secondary">{t('hqKey.installedAt', { at: instantText(hq.installedAt, i18n.language) })}</Typography.Text>
                  </Space>
                ) : (
                  <Typography.Text strong style={{ color: '#873800' }}>{t('hqKey.notInstalled')}</Typography.Text>
                ),
              },
            ]}
          />
          {hq && !replacing ? (
            <Button icon={<SwapOutlined aria-hidden />} onClick={() => setReplacing(true)}>{t('hqKey.replace')}</Button>
          ) : (
            <HqKeyForm
              installed={hq}
              onInstalled={(s) => {
                setStatus(s);
                setReplacing(false);
              }}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
