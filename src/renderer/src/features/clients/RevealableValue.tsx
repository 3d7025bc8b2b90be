import { EyeOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealableField } from '../../../../shared/clients';
import { useClientDetail } from './detail-store';

/** A masked field with its own 显示 button: one field, one client, one audit entry. */
export function RevealableValue({ field }: { field: RevealableField }) {
  const { t } = useTranslation();
  const masked = useClientDetail((s) => s.detail?.masked[field] ?? null);
  const revealed = useClientDetail((s) => s.revealed);
  const reveal = useClientDetail((s) => s.reveal);
  const [busy, setBusy] = useState(false);

  if (!masked) return <Typography.Text type="secondary">{t('clientDetail.none')}</Typography.Text>;
  if (field in revealed) return <Typography.Text strong data-revealed={field}>{revealed[field] ?? ''}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span>{masked}</span>
      <Button
        size="small"
        color="primary"
        variant="link"
        icon={<EyeOutlined aria-hidden />}
        loading={busy}
        aria-label={t('clientDetail.revealAria', { field: t(`clientFields.${field}`) })}
        onClick={async () => {
          setBusy(true);
          await reveal(field);
          setBusy(false);
        }}
      >
        {t('clientDetail.reveal')}
      </Button>
    </Space>
  );
}
