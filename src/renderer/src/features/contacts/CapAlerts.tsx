import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContactCapCheck } from '../../../../shared/contract';
import { instantLabel } from '../today/format';

interface Props {
  check: ContactCapCheck;
  saving: boolean;
  onOverride(): void;
}

/** Refused (do-not-contact, marketing opt-out): an error, no way round. Over the 7-day cap: a warning, the recent contacts, and 仍然记录. */
export function CapAlerts({ check, saving, onOverride }: Props) {
  const { t } = useTranslation();
  if (check.blocked) {
    return <Alert role="alert" type="error" showIcon title={t('quickLog.blocked')} description={t(`contactBlocks.${check.blocked}`)} />;
  }
  if (!check.overCap) return null;
  return (
    <Alert
      role="alert"
      type="warning"
      showIcon
      title={t('quickLog.capTitle', { count: check.recent.length, cap: check.cap })}
      description={
        <>
          <div>{t('quickLog.capBody')}</div>
          <div style={{ marginTop: 6, fontWeight: 500 }}>{t('quickLog.recent')}</div>
          <ul style={{ margin: '2px 0 0', paddingInlineStart: 20 }}>
            {check.recent.map((c) => (
              <li key={c.id} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {instantLabel(c.at)} · {t(`contactChannels.${c.channel}`)} · {t(`contactOutcomes.${c.outcome}`)} · {t(`contactPurposes.${c.purpose}`)}
              </li>
            ))}
          </ul>
        </>
      }
      action={
        <Button size="small" danger loading={saving} onClick={onOverride}>
          {t('quickLog.override')}
        </Button>
      }
    />
  );
}
