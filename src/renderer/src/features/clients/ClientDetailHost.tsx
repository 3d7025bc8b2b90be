import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../../shared/clients';
import { ClientDetailDrawer } from './ClientDetailDrawer';
import { ClientFormDrawer } from './ClientFormDrawer';
import { useClientDetail } from './detail-store';

/**
 * The client detail with its edit form, for any page that opens a client (the Clients list,
 * a dot on the Segments scatter). `onChanged` runs after an edit or a delete.
 */
export function ClientDetailHost({ onChanged }: { onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<ClientDetail | null>(null);

  function saved(detail: ClientDetail, _created: boolean, proposed: string[] = []) {
    // The form's Save button would keep the focus inside the closed form (its keys, Escape
    // included, would go nowhere): let go of it, so the detail underneath answers the keyboard.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    setEditing(null);
    // HQ-owned fields were not changed: say they went to head office as a change request.
    if (proposed.length) void message.success({ content: t('hqFields.proposed', { fields: proposed.map((f) => t(`clientFields.${f}`)).join(t('hqFields.listSep')) }), duration: 6 });
    else void message.success(t('clientForm.saved'));
    useClientDetail.getState().replace(detail);
    onChanged();
  }

  return (
    <>
      <ClientDetailDrawer onEdit={setEditing} onDeleted={onChanged} />
      <ClientFormDrawer state={editing ? { mode: 'edit', detail: editing } : null} onClose={() => setEditing(null)} onSaved={saved} />
    </>
  );
}
