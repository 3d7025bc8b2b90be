import { GiftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Pagination, Skeleton, Space, Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientDetailHost } from '../clients/ClientDetailHost';
import { BatchBar } from './BatchBar';
import { localDay } from './format';
import { GreetingList } from './GreetingList';
import { useGreetings } from './greetings-store';
import { GreetingsToolbar } from './GreetingsToolbar';
import './greetings.css';

const PAGE_SIZES = [50, 100, 200];

/** 祝福: birthdays, anniversaries and holidays of a date range, each client's text ready to send. */
export function GreetingsPage() {
  const { t } = useTranslation();
  const { data, error, loading, status, page, pageSize, load, setPage, setRange, setStatus } = useGreetings();
  const top = useRef<HTMLDivElement>(null);

  // Back on the page: sent elsewhere (a quick log), or a client changed.
  useEffect(() => {
    void load();
  }, [load]);

  let body: ReactNode;
  if (!data) {
    body = error ? null : (
      <Card size="small" aria-busy="true">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  } else if (data.total === 0) {
    const filtered = status !== null && Object.values(data.counts).some((n) => n > 0);
    body = (
      <Card>
        <Empty
          image={<GiftOutlined aria-hidden style={{ fontSize: 48, color: '#8c8c8c' }} />}
          styles={{ image: { height: 56 } }}
          description={
            <Space orientation="vertical" size={4}>
              <Typography.Text strong>{filtered ? t('greetingsPage.noneFiltered') : t('greetingsPage.empty')}</Typography.Text>
              {!filtered && <Typography.Text type="secondary">{t('greetingsPage.emptyHint')}</Typography.Text>}
            </Space>
          }
        >
          {filtered ? (
            <Button onClick={() => setStatus(null)}>{t('greetingsPage.showAll')}</Button>
          ) : (
            <Button type="primary" onClick={() => setRange(localDay(0), localDay(29))}>{t('greetingsPage.emptyWiden')}</Button>
          )}
        </Empty>
      </Card>
    );
  } else {
    // One block, so the selection bar stays in sight (sticky) while the list scrolls under it.
    body = (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <BatchBar rows={data.rows} />
        <Card size="small" styles={{ body: { padding: 12 } }} aria-busy={loading}>
          <GreetingList rows={data.rows} />
          <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 12 }}>
            <Pagination
              current={page}
              pageSize={pageSize}
              total={data.total}
              pageSizeOptions={PAGE_SIZES}
              showSizeChanger={data.total > PAGE_SIZES[0]!}
              hideOnSinglePage={data.total <= PAGE_SIZES[0]!}
              showTotal={(total) => t('greetingsPage.total', { total: total.toLocaleString() })}
              onChange={(p, size) => {
                setPage(p, size);
                top.current?.scrollIntoView({ block: 'start' });
              }}
            />
          </div>
        </Card>
      </div>
    );
  }

  return (
    <Space ref={top} orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <GreetingsToolbar />
      </Card>
      {error && <Alert role="alert" type="error" showIcon title={error} action={<Button size="small" onClick={() => void load()}>{t('greetingsPage.retry')}</Button>} />}
      {body}
      <ClientDetailHost onChanged={() => void load()} />
    </Space>
  );
}
