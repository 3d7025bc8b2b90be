import { CloudUploadOutlined, FileDoneOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Progress, Space, Tooltip, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SYNC_ENTITIES, type SyncHistoryEntry, type SyncStatus } from '../../../../shared/sync';
import { ToneTag } from '../../components/ToneTag';
import { fileToBase64 } from '../clients/import/file-base64';
import { agoText, base64ToBytes, instantText, OUTCOME_TONES, rangeText } from './format';
import { downloadBytes } from '../../components/download';
import { useSync } from './sync-store';

/** The contract takes a roster of at most 400 MB of base64; refuse a larger file before reading it. */
const MAX_ROSTER_BYTES = 300 * 1024 * 1024;

const TILE = { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', flex: '1 1 0', minWidth: 84, padding: '8px 12px', border: '1px solid #f0f0f0', borderRadius: 8, background: '#fafafa' } as const;

/** Changes waiting for HQ by entity, the acknowledged position, the two actions and the last files. */
export function PendingCard({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { busy, progress, runExport, previewRoster, setBusy, refuse } = useSync();
  const enrolled = status.hq !== null;
  const { total, byEntity } = status.pending;

  async function exportNow() {
    const r = await runExport();
    if (!r) return;
    downloadBytes(r.fileName, base64ToBytes(r.contentBase64), 'application/pgp-encrypted');
    void message.success(t('syncPage.exported', { count: r.records, fileName: r.fileName }));
  }

  async function pickRoster(file: File) {
    if (file.size > MAX_ROSTER_BYTES) return refuse('roster', t('syncPage.fileTooLarge', { name: file.name }));
    setBusy('read');
    let base64: string;
    try {
      base64 = await fileToBase64(file);
    } catch {
      setBusy(null);
      return refuse('roster', t('hqKey.fileUnreadable', { name: file.name }));
    }
    await previewRoster(file.name, base64);
  }

  const needKey = (node: ReactNode) => (enrolled ? node : <Tooltip title={t('syncPage.needKey')}>{node}</Tooltip>);
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  let progressText: string | null = null;
  if (busy === 'export') progressText = progress && progress.total > 0 ? t('syncPage.exportingRecords', { done: progress.done, total: progress.total }) : t('syncPage.exporting');
  else if (busy === 'apply' && progress) progressText = t('syncPage.applying', { done: progress.done, total: progress.total });
  else if (busy === 'read' || busy === 'preview') progressText = t('syncPage.reading');

  return (
    <Card
      title={t('syncPage.pending')}
      style={{ height: '100%' }}
      extra={<Typography.Text strong>{total > 0 ? t('syncPage.pendingTotal', { count: total }) : t('syncPage.pendingNone')}</Typography.Text>}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} role="list" aria-label={t('syncPage.pending')}>
          {SYNC_ENTITIES.map((e) => (
            <div key={e} style={TILE} role="listitem">
              <div style={{ fontSize: 13, color: 'rgba(0, 0, 0, 0.68)' }}>{t(`syncPage.entities.${e}`)}</div>
              <div style={{ fontSize: 22, fontWeight: 600, fontVariantNumeric: 'tabular-nums', color: byEntity[e] ? '#1f5fbf' : 'rgba(0, 0, 0, 0.68)' }}>{(byEntity[e] ?? 0).toLocaleString()}</div>
            </div>
          ))}
        </div>
        <div>
          <Typography.Text type="secondary">{t('syncPage.acked', { acked: status.ackedThroughSeq, head: status.headSeq })}</Typography.Text>
          {status.pendingProposals > 0 && (
            <div>
              <Typography.Text type="secondary">{t('syncPage.pendingProposals', { count: status.pendingProposals })}</Typography.Text>
            </div>
          )}
        </div>
        <Space wrap>
          {needKey(
            <Button type="primary" icon={<CloudUploadOutlined aria-hidden />} disabled={!enrolled || busy !== null} loading={busy === 'export'} onClick={() => void exportNow()}>
              {t('syncPage.exportBtn')}
            </Button>,
          )}
          {needKey(
            <Upload
              accept=".pgp,.gpg"
              multiple={false}
              showUploadList={false}
              disabled={!enrolled || busy !== null}
              beforeUpload={(file) => {
                void pickRoster(file);
                return false;
              }}
            >
              <Button icon={<FileDoneOutlined aria-hidden />} disabled={!enrolled || busy !== null} loading={busy === 'read' || busy === 'preview'}>
                {t('syncPage.rosterBtn')}
              </Button>
            </Upload>,
          )}
        </Space>
        {progressText && (
          <div role="status">
            <Typography.Text>{progressText}</Typography.Text>
            {(busy === 'export' || busy === 'apply') && <Progress percent={percent} status="active" aria-label={t('syncPage.progressAria')} />}
          </div>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>{t('syncPage.exportHint')}</Typography.Paragraph>
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
          items={[
            { key: 'export', label: t('syncPage.lastExport'), children: <LastFile entry={status.lastExport} lang={i18n.language} /> },
            {
              key: 'roster',
              label: t('syncPage.lastRoster'),
              children: (
                <LastFile
                  entry={status.lastRoster}
                  lang={i18n.language}
                  // A refused file is the last one received, but not the roster in force: name that one too.
                  note={status.lastRoster?.outcome === 'refused' && status.lastRosterSeq > 0 ? t('syncPage.lastApplied', { no: status.lastRosterSeq }) : null}
                />
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

function LastFile({ entry, lang, note = null }: { entry: SyncHistoryEntry | null; lang: string; note?: string | null }) {
  const { t } = useTranslation();
  if (!entry) return <Typography.Text type="secondary">{t('syncPage.never')}</Typography.Text>;
  const range = rangeText(t, entry);
  return (
    <div>
      <Space size={[8, 2]} wrap>
        <span>{instantText(entry.at, lang)}</span>
        <Typography.Text type="secondary">{agoText(t, entry.at)}</Typography.Text>
        <ToneTag tone={OUTCOME_TONES[entry.outcome]}>{t(`syncPage.outcomes.${entry.outcome}`)}</ToneTag>
        {entry.auto && <ToneTag tone="neutral">{t('syncPage.auto')}</ToneTag>}
        {range && <Typography.Text type="secondary">{range}</Typography.Text>}
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>{entry.fileName}</Typography.Text>
        {note && <Typography.Text style={{ fontSize: 12, marginInlineStart: 12 }}>{note}</Typography.Text>}
      </div>
    </div>
  );
}
