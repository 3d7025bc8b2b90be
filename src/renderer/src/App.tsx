import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppFrame } from './features/frame/AppFrame';
import { FirstRunPage } from './features/first-run/FirstRunPage';
import { UnlockPage } from './features/unlock/UnlockPage';
import { useSession } from './session-store';

export function App() {
  const { status, refresh, onLocked } = useSession();
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';

  useEffect(() => {
    void refresh();
    return window.rm.on('workspace.locked', () => onLocked());
  }, [refresh, onLocked]);

  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
  }, [locale]);

  let body;
  if (!status) body = <div className="rm-center"><Spin aria-label={t('app.loading')} /></div>;
  else if (!status.exists) body = <FirstRunPage />;
  else if (status.locked) body = <UnlockPage status={status} />;
  else body = <AppFrame status={status} />;

  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp style={{ height: '100%' }}>{body}</AntApp>
    </ConfigProvider>
  );
}

// Secondary and placeholder text darkened from Ant Design's defaults to meet WCAG AA contrast.
const THEME = {
  token: {
    colorPrimary: '#1f5fbf',
    colorPrimaryHover: '#2a6ccc',
    colorLink: '#1f5fbf',
    colorLinkHover: '#2a6ccc',
    colorError: '#c41d1f',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
  },
};
