import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Pages that later issues fill say so plainly instead of showing fake data. */
export function NotBuiltPage({ page }: { page: string }) {
  const { t } = useTranslation();
  return <Result status="info" title={t('notBuilt.title')} subTitle={t('notBuilt.body', { page })} />;
}
