import { AuditOutlined, CalendarOutlined, GiftOutlined, HomeOutlined, LockOutlined, PieChartOutlined, SettingOutlined, SyncOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Tooltip, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStatus } from '../../../../shared/contract';
import { useSession, type PageKey } from '../../session-store';
import { AuditPage } from '../audit/AuditPage';
import { CalendarPage } from '../calendar/CalendarPage';
import { QuickLogHost } from '../contacts/QuickLogHost';
import { VisitBriefHost } from '../visit-brief/VisitBriefHost';
import { ClientsPage } from '../clients/ClientsPage';
import { GreetingsPage } from '../greetings/GreetingsPage';
import { SegmentsPage } from '../segments/SegmentsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { SyncPage } from '../sync/SyncPage';
import { TodayPage } from '../today/TodayPage';
import { useActivityPing } from './use-activity';

const ICONS: Record<PageKey, ReactNode> = {
  today: <HomeOutlined />,
  clients: <TeamOutlined />,
  segments: <PieChartOutlined />,
  calendar: <CalendarOutlined />,
  greetings: <GiftOutlined />,
  sync: <SyncOutlined />,
  audit: <AuditOutlined />,
  settings: <SettingOutlined />,
};

export function AppFrame({ status }: { status: WorkspaceStatus }) {
  const { t } = useTranslation();
  const { page, setPage, lock } = useSession();
  useActivityPing();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);

  const items = (Object.keys(ICONS) as PageKey[]).map((key) => ({ key, icon: ICONS[key], label: t(`nav.${key}`) }));
  let content: ReactNode;
  if (page === 'today') content = <TodayPage status={status} />;
  else if (page === 'clients') content = <ClientsPage />;
  else if (page === 'segments') content = <SegmentsPage />;
  else if (page === 'calendar') content = <CalendarPage />;
  else if (page === 'greetings') content = <GreetingsPage />;
  else if (page === 'sync') content = <SyncPage />;
  else if (page === 'audit') content = <AuditPage />;
  else content = <SettingsPage />;

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={200} breakpoint="lg" collapsedWidth={64}>
        <div className="rm-brand">{t('app.name')}</div>
        <nav aria-label={t('app.name')}>
          <Menu theme="dark" mode="inline" selectedKeys={[page]} items={items} onClick={({ key }) => setPage(key as PageKey)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '0 24px' }}>
          <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>{t(`nav.${page}`)}</Typography.Title>
          <span>
            <Typography.Text style={{ marginRight: 16 }}>{status.displayName} · {status.managerId}</Typography.Text>
            <Tooltip title={t('nav.lockHint')}>
              <Button icon={<LockOutlined />} onClick={() => void lock()}>{t('nav.lock')}</Button>
            </Tooltip>
          </span>
        </Layout.Header>
        <Layout.Content style={{ margin: 24, overflow: 'auto' }}>
          <main>{content}</main>
          <QuickLogHost />
          <VisitBriefHost />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
