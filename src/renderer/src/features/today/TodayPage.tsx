import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStatus } from '../../../../shared/contract';

export function TodayPage({ status }: { status: WorkspaceStatus }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 20 }}>{t('today.welcome', { name: status.displayName ?? status.managerId })}</Typography.Title>
      <Typography.Paragraph>{t('today.intro')}</Typography.Paragraph>
    </Card>
  );
}
