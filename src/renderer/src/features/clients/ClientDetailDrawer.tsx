import { DeleteOutlined, EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../../shared/clients';
import { errorText, invoke } from '../../api';
import { useQuickLog } from '../contacts/quick-log-store';
import { HoldingsCard } from './DetailHoldings';
import { DetailTimeline } from './DetailTimeline';
import { KycCard } from './DetailKyc';
import { NotesCard, PreferencesCard, ProfileCard } from './DetailProfile';
import { DetailSegment } from './DetailSegment';
import { ProposalsCard } from './DetailProposals';
import { useClientDetail } from './detail-store';
import { STATUS_TONES } from './labels';
import { ToneTag } from '../../components/ToneTag';

interface Props {
  onEdit(detail: ClientDetail): void;
  onDeleted(): void;
}

/** One client, masked; each 显示 reveals one field (audited) until the drawer closes. */
export function ClientDetailDrawer({ onEdit, onDeleted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { openId, detail, segment, loading, error, close } = useClientDetail();

  async function remove(d: ClientDetail) {
    try {
      await invoke('clients.delete', { id: d.id });
      close();
      void message.success(t('clientDetail.deleted'));
      onDeleted();
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  const title = detail ? (
    <Space wrap size={8}>
      <span>{detail.name}</span>
      {detail.clientNo && <Typography.Text type="secondary">{detail.clientNo}</Typography.Text>}
      <Tag>{t(`clientKind.${detail.kind}`)}</Tag>
      <ToneTag tone={STATUS_TONES[detail.status ?? 'active']}>{t(`clientStatus.${detail.status ?? 'active'}`)}</ToneTag>
    </Space>
  ) : (
    t('clientDetail.title')
  );

  const extra = detail && (
    <Space>
      <Button type="primary" icon={<PhoneOutlined />} onClick={() => useQuickLog.getState().open({ clientId: detail.id, clientName: detail.name })}>
        {t('timeline.logContact')}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => onEdit(detail)}>{t('clientDetail.edit')}</Button>
      <Popconfirm
        title={t('clientDetail.deleteConfirm', { name: detail.name })}
        description={t('clientDetail.deleteBody')}
        okText={t('clientDetail.deleteOk')}
        okButtonProps={{ danger: true }}
        cancelText={t('clientForm.cancel')}
        onConfirm={() => remove(detail)}
      >
        <Button danger icon={<DeleteOutlined />}>{t('clientDetail.delete')}</Button>
      </Popconfirm>
    </Space>
  );

  return (
    <Drawer open={openId !== null} onClose={close} size={760} title={title} extra={extra} destroyOnHidden closable={{ 'aria-label': t('clientDetail.close') }}>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {detail && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {detail.contact?.suspect && (
            <Alert
              role="alert"
              type="warning"
              showIcon
              title={t('contactSuspect.title')}
              description={t('contactSuspect.body', { count: detail.contact.consecutiveFailures })}
            />
          )}
          <DetailSegment detail={detail} segment={segment} />
          <Typography.Text type="secondary">
            {t('clientDetail.revealHint')} {t('clientDetail.updatedAt', { at: new Date(detail.updatedAt).toLocaleString() })}
          </Typography.Text>
          <ProposalsCard detail={detail} />
          <ProfileCard detail={detail} />
          <KycCard detail={detail} />
          <HoldingsCard detail={detail} />
          <PreferencesCard detail={detail} />
          <NotesCard detail={detail} />
          <DetailTimeline clientId={detail.id} rev={detail.rev} />
        </Space>
      )}
    </Drawer>
  );
}
