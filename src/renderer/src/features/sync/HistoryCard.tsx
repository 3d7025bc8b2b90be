import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { SyncHistoryEntry } from '../../../../shared/sync';
import { ToneTag } from '../../components/ToneTag';
import { countsText, instantText, OUTCOME_TONES, rangeText, refusalWords } from './format';
import { useSync } from './sync-store';

/** Every file exported or received, newest first; a refused one says why in words. */
export function HistoryCard() {
  const { t, i18n } = useTranslation();
  const { history, loading } = useSync();
  const sep = i18n.language === 'en' ? ' · ' : '，';
  const columns: ColumnsType<SyncHistoryEntry> = [
    { title: t('syncPage.columns.at'), dataIndex: 'at', width: 168, render: (at: string) => instantText(at, i18n.language) },
    {
      title: t('syncPage.columns.kind'),
      dataIndex: 'kind',
      width: 104,
      render: (_k, e) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {t(`syncPage.kinds.${e.kind}`)}
          {e.auto && <ToneTag tone="neutral">{t('syncPage.auto')}</ToneTag>}
        </span>
      ),
    },
    {
      title: t('syncPage.columns.file'),
      dataIndex: 'fileName',
      ellipsis: { showTitle: true },
      render: (name: string) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{name}</span>,
    },
    { title: t('syncPage.columns.outcome'), dataIndex: 'outcome', width: 92, render: (_o, e) => <ToneTag tone={OUTCOME_TONES[e.outcome]}>{t(`syncPage.outcomes.${e.outcome}`)}</ToneTag> },
    { title: t('syncPage.columns.range'), key: 'range', width: 176, render: (_v, e) => rangeText(t, e) },
    {
      title: t('syncPage.columns.details'),
      key: 'details',
      width: 260,
      render: (_v, e) =>
        e.outcome === 'refused' ? (
          <Typography.Text style={{ color: '#a8071a' }}>{e.reason ? refusalWords(t, (k) => i18n.exists(k), e.reason) : ''}</Typography.Text>
        ) : (
          countsText(t, e, sep)
        ),
    },
  ];
  return (
    <Card title={t('syncPage.history')} styles={{ body: { padding: 0 } }}>
      <Table<SyncHistoryEntry>
        rowKey="id"
        size="small"
        loading={loading && history.length === 0}
        columns={columns}
        dataSource={history}
        locale={{ emptyText: t('syncPage.historyEmpty') }}
        pagination={history.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      />
    </Card>
  );
}
