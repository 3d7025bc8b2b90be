import { Alert, App, Descriptions, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { instantText } from './format';
import { useSync } from './sync-store';

/** What a roster will do before it is applied: removals first, with how many still have unsent changes. */
export function RosterConfirmModal() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { roster, busy, applyRoster, cancelRoster } = useSync();
  const s = roster?.summary;

  async function apply() {
    const r = await applyRoster();
    if (r) void message.success(t('syncPage.applied', { no: r.rosterSeq, assigned: r.assigned, updated: r.updated, removed: r.removed }));
  }

  const removing = (s?.removed ?? 0) > 0;
  return (
    <Modal
      open={roster !== null}
      title={s ? t('syncPage.confirmTitle', { no: s.rosterSeq }) : ''}
      okText={removing ? t('syncPage.confirmOkRemove', { count: s?.removed ?? 0 }) : t('syncPage.confirmOk')}
      okButtonProps={{ danger: removing }}
      cancelText={t('syncPage.cancel')}
      confirmLoading={busy === 'apply'}
      onOk={() => void apply()}
      onCancel={cancelRoster}
      mask={{ closable: false }}
      width={600}
      destroyOnHidden
    >
      {roster && s && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
            {t('syncPage.confirmIssued', { at: instantText(s.issuedAt, i18n.language), fileName: roster.fileName })}
          </Typography.Text>
          {removing && (
            <Alert
              type="error"
              showIcon
              title={<strong>{t('syncPage.confirmRemovedTitle', { count: s.removed })}</strong>}
              description={s.removedWithPending > 0 ? t('syncPage.confirmRemovedPending', { count: s.removedWithPending }) : t('syncPage.confirmRemovedNone')}
            />
          )}
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'assigned', label: t('syncPage.confirmAssigned'), children: s.assigned },
              { key: 'updated', label: t('syncPage.confirmUpdated'), children: s.updated },
              { key: 'unchanged', label: t('syncPage.confirmUnchanged'), children: s.unchanged },
            ]}
          />
          {s.proposalsAccepted + s.proposalsDeclined > 0 && (
            <Typography.Text>{t('syncPage.confirmProposals', { accepted: s.proposalsAccepted, declined: s.proposalsDeclined })}</Typography.Text>
          )}
          <Typography.Text type="secondary">{t('syncPage.confirmAck', { acked: s.ackedThroughSeq })}</Typography.Text>
          <Typography.Text type="secondary">{t('syncPage.confirmNote')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
