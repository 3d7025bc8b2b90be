import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contract';
import { useAudit } from './audit-store';

export function AuditPage() {
  const { t } = useTranslation();
  const { page, filter, loading, verify, error, load, setFilter, runVerify } = useAudit();
  // Known actions read as words; a new action code still shows as itself.
  const actionLabel = (a: string) => t(`auditActions.${a}`, { defaultValue: a });

  useEffect(() => {
    void load();
  }, [load, filter]);

  const columns = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', width: 200, render: (v: string) => new Date(v).toLocaleString() },
    { title: t('audit.action'), dataIndex: 'action', width: 220, render: (a: string) => <span title={a}>{actionLabel(a)}</span> },
    { title: t('audit.actor'), dataIndex: 'actor', width: 140 },
    { title: t('audit.details'), dataIndex: 'details', render: (d: AuditEntry['details']) => (d ? <code>{JSON.stringify(d)}</code> : '') },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Paragraph>{t('audit.intro')}</Typography.Paragraph>
        <Space wrap>
          <Select
            aria-label={t('audit.action')}
            style={{ width: 240 }}
            value={filter.action ?? ''}
            onChange={(v: string) => setFilter({ action: v || undefined })}
            options={[{ value: '', label: t('audit.allActions') }, ...(page?.actions ?? []).map((a) => ({ value: a, label: actionLabel(a) }))]}
          />
          <DatePicker.RangePicker
            aria-label={t('audit.dateRange')}
            onChange={(r: [Dayjs | null, Dayjs | null] | null) => setFilter({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          />
          <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => void runVerify()}>
            {t('audit.verify')}
          </Button>
        </Space>
        {verify && (
          <Alert
            role="status"
            style={{ marginTop: 16 }}
            showIcon
            type={verify.intact ? 'success' : 'error'}
            title={verify.intact ? t('audit.intact', { count: verify.entries }) : t('audit.broken', { seq: verify.firstBadSeq, problem: verify.problem })}
          />
        )}
        {error && <Alert role="alert" style={{ marginTop: 16 }} type="error" showIcon title={error} />}
      </Card>
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={page?.entries ?? []}
        locale={{ emptyText: t('audit.empty') }}
        pagination={{ total: page?.total ?? 0, pageSize: filter.limit, current: filter.offset / filter.limit + 1, showTotal: (n) => t('audit.total', { count: n }), onChange: (p, size) => setFilter({ offset: (p - 1) * size, limit: size }) }}
        scroll={{ y: 480 }}
      />
    </Space>
  );
}
