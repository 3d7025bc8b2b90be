import { Card, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../../shared/clients';
import { RevealableValue } from './RevealableValue';
import { ToneTag } from '../../components/ToneTag';

type Item = { key: string; label: string; children: ReactNode; span?: number };

export function ProfileCard({ detail }: { detail: ClientDetail }) {
  const { t } = useTranslation();
  const none = t('clientDetail.none');
  const person = detail.kind === 'person';
  const items: Item[] = [
    ...(person
      ? [
          { key: 'sex', label: t('clientFields.sex'), children: detail.sex ? t(`sexes.${detail.sex}`) : none },
          { key: 'birth', label: t('clientFields.birthDate'), children: <Birthday detail={detail} /> },
          { key: 'nationality', label: t('clientFields.nationality'), children: detail.nationality ?? none },
          { key: 'occupation', label: t('clientFields.occupation'), children: detail.occupation ?? none },
          { key: 'employer', label: t('clientFields.employer'), children: detail.employer ?? none, span: 2 },
        ]
      : []),
    { key: 'mobile', label: t('clientFields.mobile'), children: <RevealableValue field="mobile" /> },
    { key: 'phoneOther', label: t('clientFields.phoneOther'), children: <RevealableValue field="phoneOther" /> },
    { key: 'email', label: t('clientFields.email'), children: <RevealableValue field="email" /> },
    { key: 'wechat', label: t('clientFields.wechat'), children: detail.wechat ?? none },
    { key: 'addrReg', label: t('clientFields.addressRegistered'), children: <RevealableValue field="addressRegistered" />, span: 2 },
    { key: 'addrRes', label: t('clientFields.addressResidence'), children: <RevealableValue field="addressResidence" />, span: 2 },
    { key: 'since', label: t('clientFields.relationshipStart'), children: detail.relationshipStart ?? none },
    { key: 'potential', label: t('clientFields.potential'), children: detail.potential ? `${detail.potential} / 5` : none },
    { key: 'tags', label: t('clientFields.tags'), children: <Tags values={detail.tags ?? []} />, span: 2 },
  ];
  return (
    <Card size="small" title={t('clientDetail.profile')}>
      <Descriptions size="small" bordered column={2} items={items} />
    </Card>
  );
}

export function PreferencesCard({ detail }: { detail: ClientDetail }) {
  const { t } = useTranslation();
  const none = t('clientDetail.none');
  const flags = (['doNotContact', 'optOutMarketing', 'optOutThirdParty', 'optOutAutomated', 'optOutSensitive'] as const).filter((f) => detail[f]);
  return (
    <Card size="small" title={t('clientDetail.preferences')}>
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          { key: 'channel', label: t('clientFields.preferredChannel'), children: detail.preferredChannel ? t(`channels.${detail.preferredChannel}`) : none },
          { key: 'time', label: t('clientFields.bestTimeToCall'), children: detail.bestTimeToCall ?? none },
          {
            key: 'optOuts',
            label: t('clientDetail.optOuts'),
            span: 2,
            children: flags.length ? (
              <Space size={[4, 4]} wrap>
                {flags.map((f) => (
                  <ToneTag key={f} tone={f === 'doNotContact' ? 'error' : 'warning'}>{t(`clientFields.${f}`)}</ToneTag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('clientDetail.noOptOuts')}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function NotesCard({ detail }: { detail: ClientDetail }) {
  const { t } = useTranslation();
  const none = t('clientDetail.none');
  const text = (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : none);
  const items: Item[] = [
    { key: 'notes', label: t('clientFields.notes'), children: text(detail.notes) },
    { key: 'interests', label: t('clientFields.interests'), children: text(detail.interests) },
    { key: 'family', label: t('clientFields.family'), children: text(detail.family) },
  ];
  if (detail.status === 'lost') {
    items.push(
      { key: 'lostReason', label: t('clientFields.lostReason'), children: text(detail.lostReason) },
      { key: 'lostToBank', label: t('clientFields.lostToBank'), children: text(detail.lostToBank) },
      { key: 'winBack', label: t('clientFields.winBackPlan'), children: text(detail.winBackPlan) },
    );
  }
  return (
    <Card size="small" title={t('clientDetail.notes')}>
      <Descriptions size="small" bordered column={1} items={items} styles={{ label: { width: 160 } }} />
    </Card>
  );
}

function Birthday({ detail }: { detail: ClientDetail }) {
  const { t } = useTranslation();
  const lunar = detail.birthdayCalendar === 'lunar' && detail.lunarMonth && detail.lunarDay;
  return (
    <span>
      {detail.birthDate ?? t('clientDetail.none')}
      {lunar && t('clientDetail.lunarBirthday', { leap: detail.lunarLeap ? t('clientDetail.leap') : '', month: detail.lunarMonth, day: detail.lunarDay })}
    </span>
  );
}

function Tags({ values }: { values: string[] }) {
  const { t } = useTranslation();
  if (!values.length) return <>{t('clientDetail.none')}</>;
  return (
    <Space size={[4, 4]} wrap>
      {values.map((v) => (
        <ToneTag key={v} tone="info">{v}</ToneTag>
      ))}
    </Space>
  );
}
