import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/sync';
import { useSession } from '../../session-store';
import { Fingerprint } from './Fingerprint';
import { instantText } from './format';

/** Who this device is to head office, and whose key its rosters must carry. */
export function EnrolmentCard({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t('syncPage.enrolment')} style={{ height: '100%' }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={1}
          bordered
          layout="vertical"
          items={[
            { key: 'manager', label: t('syncPage.manager'), children: status.managerId },
            {
              key: 'device',
              label: t('syncPage.deviceFp'),
              children: (
                <Space orientation="vertical" size={2}>
                  <Fingerprint value={status.device.fingerprint} label={t('syncPage.deviceFp')} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('syncPage.deviceFpHelp')}</Typography.Text>
                </Space>
              ),
            },
            {
              key: 'hq',
              label: t('syncPage.hqFp'),
              children: status.hq ? (
                <Space orientation="vertical" size={2}>
                  <Fingerprint value={status.hq.fingerprint} label={t('syncPage.hqFp')} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('syncPage.installedAt', { at: instantText(status.hq.installedAt, i18n.language) })}</Typography.Text>
                </Space>
              ) : (
                <Typography.Text strong style={{ color: '#873800' }}>{t('syncPage.notInstalled')}</Typography.Text>
              ),
            },
          ]}
        />
        <Space size={4} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('syncPage.manageInSettings')}</Typography.Text>
          <Button size="small" color="primary" variant="link" icon={<SettingOutlined aria-hidden />} onClick={() => useSession.getState().setPage('settings')} style={{ padding: 0 }}>
            {t('syncPage.openSettings')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
