import { CheckOutlined, CopyOutlined, DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GreetingRow } from '../../../../shared/greetings';
import { ExportModal, MarkModal, SkipModal } from './BatchModals';
import { refKey } from './format';
import { useGreetings } from './greetings-store';

type Dialog = 'export' | 'mark' | 'skip' | null;

/** Writes text to the clipboard; where the async API is refused, a selected textarea and copy. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** The selection (this page, or every pending greeting) and what can be done with it. */
export function BatchBar({ rows }: { rows: GreetingRow[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { selected, counts, selectingAll, select, selectAllPending, clearSelection } = useGreetings();
  const [dialog, setDialog] = useState<Dialog>(null);
  const selectable = rows.filter((r) => r.status === 'pending');
  const onPage = selectable.filter((r) => selected.has(refKey(r))).length;
  const pending = counts?.pending ?? 0;
  const none = selected.size === 0;
  /** More to send than this page shows: offer them all (for the SMS platform file). */
  const more = pending > selected.size && pending > selectable.length;

  async function copy() {
    const lines = [...selected.values()].map((r) => r.text.replace(/\s*\n+\s*/g, ' ')).filter(Boolean);
    if (await copyText(lines.join('\n'))) void message.success(t('greetingsPage.copied', { count: lines.length }));
    else void message.error(t('greetingsPage.copyFailed'));
  }

  return (
    <Card size="small" className="rm-gbar" styles={{ body: { padding: '10px 16px' } }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
        <Space size={12} wrap>
          <Checkbox
            checked={selectable.length > 0 && onPage === selectable.length}
            indeterminate={onPage > 0 && onPage < selectable.length}
            disabled={selectable.length === 0}
            aria-label={t('greetingsPage.selectPageAria')}
            onChange={(e) => select(selectable, e.target.checked)}
          >
            {t('greetingsPage.selectPage')}
          </Checkbox>
          <Typography.Text strong={!none} type={none ? 'secondary' : undefined} aria-live="polite">
            {none ? (more ? null : t('greetingsPage.noneSelected')) : t('greetingsPage.selected', { count: selected.size })}
          </Typography.Text>
          {more && (
            <Button color="primary" variant="link" size="small" loading={selectingAll} onClick={() => void selectAllPending()} style={{ padding: 0 }}>
              {selectingAll ? t('greetingsPage.selectingAll') : t('greetingsPage.selectAllPending', { count: pending })}
            </Button>
          )}
          {!none && (
            <Button color="primary" variant="link" size="small" onClick={clearSelection} style={{ padding: 0 }}>
              {t('greetingsPage.clear')}
            </Button>
          )}
        </Space>
        <Space size={8} wrap>
          <Button icon={<CopyOutlined aria-hidden />} disabled={none} onClick={() => void copy()}>{t('greetingsPage.copy')}</Button>
          <Button icon={<DownloadOutlined aria-hidden />} disabled={none} onClick={() => setDialog('export')}>{t('greetingsPage.export')}</Button>
          <Button icon={<StopOutlined aria-hidden />} disabled={none} onClick={() => setDialog('skip')}>{t('greetingsPage.skip')}</Button>
          <Button type="primary" icon={<CheckOutlined aria-hidden />} disabled={none} onClick={() => setDialog('mark')}>{t('greetingsPage.markSent')}</Button>
        </Space>
      </div>
      <ExportModal open={dialog === 'export'} onClose={() => setDialog(null)} />
      <MarkModal open={dialog === 'mark'} onClose={() => setDialog(null)} />
      <SkipModal open={dialog === 'skip'} onClose={() => setDialog(null)} />
    </Card>
  );
}
