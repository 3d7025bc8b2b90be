import { ExperimentOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The whole book is empty (not just this search). */
  bookEmpty: boolean;
  demoLoading: boolean;
  onImport(): void;
  onCreate(): void;
  onDemo(): void;
  onClearFilters(): void;
}

/** Says what to do next: fill an empty book, or loosen a search that found nothing. */
export function ClientsEmpty({ bookEmpty, demoLoading, onImport, onCreate, onDemo, onClearFilters }: Props) {
  const { t } = useTranslation();
  if (!bookEmpty) {
    return (
      <Empty
        style={{ padding: '48px 0' }}
        description={
          <Space orientation="vertical">
            <Typography.Text strong>{t('clients.noMatchTitle')}</Typography.Text>
            <Typography.Text type="secondary">{t('clients.noMatchBody')}</Typography.Text>
          </Space>
        }
      >
        <Button onClick={onClearFilters}>{t('clients.clearFilters')}</Button>
      </Empty>
    );
  }
  return (
    <Empty
      style={{ padding: '48px 0' }}
      description={
        <Space orientation="vertical" style={{ maxWidth: 560 }}>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('clients.emptyTitle')}</Typography.Title>
          <Typography.Text type="secondary">{t('clients.emptyBody')}</Typography.Text>
        </Space>
      }
    >
      <Space wrap style={{ justifyContent: 'center' }}>
        <Button type="primary" icon={<UploadOutlined />} onClick={onImport}>{t('clients.importClients')}</Button>
        <Button icon={<PlusOutlined />} onClick={onCreate}>{t('clients.create')}</Button>
        <Button icon={<ExperimentOutlined />} loading={demoLoading} onClick={onDemo}>{t('clients.demo')}</Button>
      </Space>
    </Empty>
  );
}
