import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../../shared/clients';
import type { ProposalRecord, ProposalStatus } from '../../../../shared/sync';
import { formatYuan } from '../../components/money';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { instantText } from '../sync/format';

const STATUS_TONES: Record<ProposalStatus, Tone> = { pending: 'warning', accepted: 'success', declined: 'neutral' };

/** The RM's corrections of HQ-owned fields: HQ value → requested value, the note, and how HQ settled it. */
export function ProposalsCard({ detail }: { detail: ClientDetail }) {
  const { t, i18n } = useTranslation();
  if (!detail.proposals?.length) return null;
  const columns: ColumnsType<ProposalRecord> = [
    { title: t('hqFields.field'), key: 'field', width: 120, render: (_v, p) => <strong>{t(`clientFields.${p.field}`, { defaultValue: p.field })}</strong> },
    {
      title: `${t('hqFields.hqValue')} → ${t('hqFields.proposedValue')}`,
      key: 'values',
      render: (_v, p) => (
        <span>
          <Typography.Text type="secondary">{proposalValue(t, p.field, p.hqValue)}</Typography.Text>
          <ArrowRightOutlined aria-label="→" style={{ margin: '0 8px', fontSize: 11 }} />
          <Typography.Text strong>{proposalValue(t, p.field, p.proposedValue)}</Typography.Text>
          {p.note && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.note}</Typography.Text>
            </div>
          )}
        </span>
      ),
    },
    {
      title: t('hqFields.status'),
      key: 'status',
      width: 216,
      render: (_v, p) => (
        <div>
          <ToneTag tone={STATUS_TONES[p.status]}>{t(`hqFields.statuses.${p.status}`)}</ToneTag>
          <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.68)' }}>{t('hqFields.submittedAt', { at: instantText(p.createdAt, i18n.language) })}</div>
          {p.settledAt && <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.68)' }}>{t('hqFields.settledAt', { at: instantText(p.settledAt, i18n.language) })}</div>}
        </div>
      ),
    },
  ];
  return (
    <Card size="small" title={t('hqFields.proposals')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hqFields.proposalsHint')}</Typography.Text>}>
      <Table<ProposalRecord> rowKey="id" size="small" columns={columns} dataSource={detail.proposals} pagination={false} />
    </Card>
  );
}

const MONEY = new Set(['aumFen', 'depositsFen', 'loanBalanceFen', 'cardSpend12mFen', 'revenue12mFen']);
const CHOICES: Record<string, string> = { kind: 'clientKind', sex: 'sexes', idType: 'idTypes', riskGrade: 'riskGrades' };

/** A proposed or HQ value in words: money in yuan, choices translated, lists joined, nothing as —. */
export function proposalValue(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('clientDetail.none');
  if (MONEY.has(field) && typeof value === 'number') return formatYuan(value);
  if (typeof value === 'boolean') return value ? t('hqFields.yes') : t('hqFields.no');
  if (CHOICES[field] && typeof value === 'string') return t(`${CHOICES[field]}.${value}`, { defaultValue: value });
  if (Array.isArray(value)) return value.length ? value.map(String).join('、') : t('clientDetail.none');
  if (typeof value === 'object') {
    const party = value as { name?: string; relation?: string | null };
    return [party.name, party.relation].filter(Boolean).join(' · ') || t('clientDetail.none');
  }
  return String(value);
}
