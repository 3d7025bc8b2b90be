import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../../shared/clients';
import { daysUntil, expiryState, FIRST_RATING_DAYS } from './format';
import { RISK_TONES } from './labels';
import { RevealableValue } from './RevealableValue';
import { ToneTag } from '../../components/ToneTag';

/** KYC reminders (domain.md §4): ID expiry 60 days ahead, first risk rating within 60 days. */
export function KycCard({ detail }: { detail: ClientDetail }) {
  const { t } = useTranslation();
  const none = t('clientDetail.none');
  const party = (p: ClientDetail['beneficialOwner']) => (p ? [p.name, p.relation].filter(Boolean).join(' · ') : none);
  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    { key: 'idType', label: t('clientFields.idType'), children: detail.idType ? t(`idTypes.${detail.idType}`) : none },
    { key: 'idNumber', label: t('clientFields.idNumber'), children: <RevealableValue field="idNumber" /> },
    { key: 'idExpiry', label: t('clientFields.idExpiry'), children: <IdExpiry detail={detail} />, span: 2 },
    { key: 'risk', label: t('clientFields.riskGrade'), children: <RiskRating detail={detail} />, span: 2 },
  ];
  if (detail.kind === 'company') items.push({ key: 'legal', label: t('clientFields.legalRepresentative'), children: detail.legalRepresentative ?? none, span: 2 });
  if (detail.beneficialOwner) items.push({ key: 'owner', label: t('clientFields.beneficialOwner'), children: party(detail.beneficialOwner) });
  if (detail.agent) items.push({ key: 'agent', label: t('clientFields.agent'), children: party(detail.agent) });
  return (
    <Card size="small" title={t('clientDetail.kyc')}>
      <Descriptions size="small" bordered column={2} items={items} />
    </Card>
  );
}

function IdExpiry({ detail }: { detail: ClientDetail }) {
  const { t } = useTranslation();
  if (detail.idLongTerm) return <span>{t('clientDetail.longTerm')}</span>;
  const state = expiryState(detail.idExpiry);
  if (!detail.idExpiry || !state) return <Typography.Text type="secondary">{t('clientDetail.none')}</Typography.Text>;
  if (state.level === 'ok') return <span>{detail.idExpiry}{t('clientDetail.daysLeft', { days: state.days })}</span>;
  const expired = state.level === 'expired';
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <span>{detail.idExpiry}</span>
      <Alert type={expired ? 'error' : 'warning'} showIcon title={expired ? t('clientDetail.expired', { days: -state.days }) : t('clientDetail.expiring', { days: state.days })} />
    </Space>
  );
}

function RiskRating({ detail }: { detail: ClientDetail }) {
  const { t } = useTranslation();
  if (detail.riskGrade) {
    return (
      <Space wrap>
        <ToneTag tone={RISK_TONES[detail.riskGrade]}>{t(`riskGrades.${detail.riskGrade}`)}</ToneTag>
        {detail.riskRatedAt && <Typography.Text type="secondary">{t('clientDetail.ratedAt', { date: detail.riskRatedAt })}</Typography.Text>}
      </Space>
    );
  }
  const due = detail.relationshipStart ? dayjs(detail.relationshipStart).add(FIRST_RATING_DAYS, 'day').format('YYYY-MM-DD') : null;
  const left = due ? daysUntil(due) : null;
  const when = due === null || left === null ? '' : left < 0 ? t('clientDetail.riskOverdue', { days: -left }) : t('clientDetail.riskDue', { date: due });
  return <Alert type={left !== null && left < 0 ? 'error' : 'warning'} showIcon title={when ? t('clientDetail.riskMissingWhen', { when }) : t('clientDetail.riskMissing')} />;
}
