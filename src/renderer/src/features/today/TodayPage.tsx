import { GiftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Skeleton, Space } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStatus } from '../../../../shared/contract';
import { useSession } from '../../session-store';
import { ClientDetailHost } from '../clients/ClientDetailHost';
import { useQuickLog } from '../contacts/quick-log-store';
import { AgendaSection, type SectionKey } from './AgendaSection';
import { AgendaRow, LosingTouchRow, OccasionRow } from './AgendaRows';
import { SyncDueBanner } from './SyncDueBanner';
import { BackupDueBanner } from './BackupDueBanner';
import { TodayHeader } from './TodayHeader';
import { useToday } from './use-today';

const GRID = { xs: 24, xl: 12 } as const;

/** 工作台: what needs doing today, most urgent first, each item one click from being logged. */
export function TodayPage({ status }: { status: WorkspaceStatus }) {
  const { t } = useTranslation();
  const { data, loading, error, reload } = useToday();
  const savedCount = useQuickLog((s) => s.savedCount);

  // Load on entry, and again after every contact logged anywhere (the quick log bumps savedCount).
  useEffect(() => {
    void reload();
  }, [reload, savedCount]);

  let body: ReactNode = null;
  if (data) {
    const { today, counts } = data;
    const sections: [SectionKey, number, ReactNode[]][] = [
      ['overdue', counts.overdue, data.overdue.map((i) => <AgendaRow key={i.id} item={i} today={today} />)],
      ['dueToday', counts.dueToday, data.dueToday.map((i) => <AgendaRow key={i.id} item={i} today={today} />)],
      ['next7', counts.next7, data.next7.map((i) => <AgendaRow key={i.id} item={i} today={today} />)],
      ['losingTouch', counts.losingTouch, data.losingTouch.map((i) => <LosingTouchRow key={i.clientId} item={i} today={today} />)],
      ['kyc', counts.kyc, data.kyc.map((i) => <AgendaRow key={i.id} item={i} today={today} />)],
      ['occasions', data.occasions.length, data.occasions.map((o, n) => <OccasionRow key={`${o.date}-${o.clientId ?? n}-${o.kind}`} item={o} today={today} />)],
    ];
    body = (
      <Row gutter={[16, 16]} align="stretch">
        {sections.map(([key, total, rows]) => (
          <Col key={key} {...GRID}>
            <AgendaSection
              section={key}
              total={total}
              rows={rows}
              action={
                key === 'occasions' && total > 0 ? (
                  <Button size="small" color="primary" variant="link" icon={<GiftOutlined aria-hidden />} onClick={() => useSession.getState().setPage('greetings')} style={{ padding: 0 }}>
                    {t('greetingsPage.goSend')}
                  </Button>
                ) : undefined
              }
            />
          </Col>
        ))}
      </Row>
    );
  } else if (!error) {
    body = (
      <Row gutter={[16, 16]} aria-busy="true">
        {[0, 1, 2, 3].map((n) => (
          <Col key={n} {...GRID}>
            <Card size="small">
              <Skeleton active title={{ width: 120 }} paragraph={{ rows: 4 }} />
            </Card>
          </Col>
        ))}
      </Row>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <TodayHeader name={status.displayName ?? status.managerId ?? ''} data={data} loading={loading} onRefresh={() => void reload()} />
      {data && <SyncDueBanner sync={data.sync} />}
      {data && <BackupDueBanner backup={data.backup} />}
      {error && (
        <Alert role="alert" type="error" showIcon title={error} action={<Button size="small" onClick={() => void reload()}>{t('todayPage.retry')}</Button>} />
      )}
      {body}
      <ClientDetailHost onChanged={() => void reload()} />
    </Space>
  );
}
