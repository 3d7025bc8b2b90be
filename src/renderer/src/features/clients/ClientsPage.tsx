import { Alert, App, Button, Card, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail, ClientListRow } from '../../../../shared/clients';
import { errorText, invoke } from '../../api';
import { ClientDetailHost } from './ClientDetailHost';
import { ClientFormDrawer } from './ClientFormDrawer';
import { ClientsEmpty } from './ClientsEmpty';
import { SegmentFilterTags } from './SegmentFilterTags';
import { ClientsTable } from './ClientsTable';
import { ClientsToolbar } from './ClientsToolbar';
import { isUnfiltered, useClients } from './clients-store';
import { useClientDetail } from './detail-store';
import { ImportWizard } from './import/ImportWizard';

/** Size and seed of the demo book: reproducible, so a demo looks the same on every laptop. */
const DEMO = { clients: 300, seed: 20261122 };

export function ClientsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // Field by field: a page of rows arriving as the manager scrolls must not redraw the toolbar and drawers.
  const noRows = useClients((s) => s.pages.size === 0);
  const total = useClients((s) => s.total);
  const loading = useClients((s) => s.loading);
  const error = useClients((s) => s.error);
  const filter = useClients((s) => s.filter);
  const bookEmpty = useClients((s) => s.bookEmpty);
  const reload = useClients((s) => s.reload);
  const clearFilters = useClients((s) => s.clearFilters);
  const openDetail = useClientDetail((s) => s.open);
  const openRow = useCallback((row: ClientListRow) => void openDetail(row.id, row), [openDetail]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [demoLoading, setDemoLoading] = useState(false);

  useEffect(() => {
    void reload();
    // Left, the page lets go of the rows it loaded (up to the whole book); it reloads when it opens.
    return () => useClients.getState().release();
  }, [reload]);

  async function loadDemo() {
    setDemoLoading(true);
    try {
      const r = await invoke('demo.load', DEMO);
      void message.success(t('clients.demoLoaded', { count: r.created }));
      await reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setDemoLoading(false);
    }
  }

  function created(detail: ClientDetail) {
    setCreating(false);
    void message.success(t('clientForm.created'));
    void reload();
    void openDetail(detail.id);
  }

  const showEmpty = bookEmpty !== null && !loading && !error && total === 0 && noRows;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <ClientsToolbar onCreate={() => setCreating(true)} onImport={() => setImporting(true)} />
        <SegmentFilterTags />
      </Card>
      {error && (
        <Alert role="alert" type="error" showIcon title={error} action={<Button size="small" onClick={() => void reload()}>{t('clients.retry')}</Button>} />
      )}
      <Card size="small">
        {showEmpty ? (
          <ClientsEmpty
            bookEmpty={bookEmpty === true && isUnfiltered(filter)}
            demoLoading={demoLoading}
            onImport={() => setImporting(true)}
            onCreate={() => setCreating(true)}
            onDemo={() => void loadDemo()}
            onClearFilters={clearFilters}
          />
        ) : (
          <ClientsTable onOpen={openRow} />
        )}
      </Card>
      <ClientDetailHost onChanged={() => void reload()} />
      <ClientFormDrawer state={creating ? { mode: 'create' } : null} onClose={() => setCreating(false)} onSaved={created} />
      <ImportWizard open={importing} onClose={() => setImporting(false)} onImported={() => void reload()} />
    </Space>
  );
}
