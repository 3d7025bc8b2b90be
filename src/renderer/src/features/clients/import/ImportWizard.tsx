import { Alert, Button, Modal, Result, Space, Steps } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../../../../shared/import';
import { RmError, errorText, invoke } from '../../../api';
import { importFileText } from '../format';
import { fieldsToMapping, columnsToFields } from './import-fields';
import { FilePickStep, type PickedFile } from './FilePickStep';
import { PreviewStep, type CommitOptions } from './PreviewStep';

interface Props {
  open: boolean;
  onClose(): void;
  /** Called after a commit so the list reloads. */
  onImported(result: ImportResult): void;
}

/** Pick a file → preview, map columns, choose how to treat duplicates → commit → counts. */
export function ImportWizard({ open, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [columns, setColumns] = useState<(string | null)[]>([]);
  const [options, setOptions] = useState<CommitOptions>({ onDuplicate: 'skip', strict: false, rememberMapping: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  // Mapping changes can outrun the checks they start: only the latest check may land.
  const latest = useRef(0);

  // The file's bytes and rows leave memory with the wizard.
  function reset() {
    latest.current++;
    setStep(0);
    setFile(null);
    setPreview(null);
    setColumns([]);
    setOptions({ onDuplicate: 'skip', strict: false, rememberMapping: false });
    setError(null);
    setResult(null);
  }

  function close() {
    reset();
    onClose();
  }

  function failure(e: unknown, name: string): string {
    if (e instanceof RmError && e.value.code === 'IMPORT_FILE') return t('importWizard.fileError', { name, reason: importFileText(t, e.value) });
    return errorText(e);
  }

  async function check(picked: PickedFile, cols?: (string | null)[]) {
    const mine = ++latest.current;
    setBusy(true);
    setError(null);
    if (cols) setColumns(cols);
    try {
      const mapping = cols ? fieldsToMapping(cols) : undefined;
      const p = await invoke('import.preview', { fileName: picked.name, contentBase64: picked.base64, mapping });
      if (mine !== latest.current) return;
      setFile(picked);
      setPreview(p);
      setColumns(cols ?? padded(columnsToFields(p.mapping), p.headers.length));
      setStep(1);
    } catch (e) {
      if (mine === latest.current) setError(failure(e, picked.name));
    } finally {
      if (mine === latest.current) setBusy(false);
    }
  }

  async function commit() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('import.commit', { fileName: file.name, contentBase64: file.base64, mapping: fieldsToMapping(columns), skipRows: [], ...options });
      setResult(r);
      setStep(2);
      onImported(r);
    } catch (e) {
      setError(failure(e, file.name));
    } finally {
      setBusy(false);
    }
  }

  const footer =
    step === 0 ? [<Button key="cancel" onClick={close}>{t('importWizard.cancel')}</Button>]
    : step === 1 ? [
        <Button key="back" onClick={() => { setStep(0); setError(null); }}>{t('importWizard.back')}</Button>,
        <Button key="commit" type="primary" loading={busy} disabled={!preview || preview.missingRequired.length > 0 || preview.counts.valid === 0} onClick={() => void commit()}>
          {t('importWizard.commit', { count: preview?.counts.valid ?? 0 })}
        </Button>,
      ]
    : [<Button key="done" type="primary" onClick={close}>{t('importWizard.done')}</Button>];

  return (
    <Modal
      open={open}
      title={t('importWizard.title')}
      width={1000}
      centered
      onCancel={close}
      footer={footer}
      destroyOnHidden
      mask={{ closable: false }}
      // The body scrolls and the footer stays: 导入 is always in reach, however long the preview.
      styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflowY: 'auto', overflowX: 'hidden' } }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Steps current={step} size="small" items={[{ title: t('importWizard.steps.file') }, { title: t('importWizard.steps.preview') }, { title: t('importWizard.steps.done') }]} />
        {error && <Alert role="alert" type="error" showIcon title={error} />}
        {step === 0 && <FilePickStep busy={busy} onPicked={(f) => void check(f)} onError={setError} />}
        {step === 1 && preview && file && (
          <PreviewStep
            fileName={file.name}
            preview={preview}
            columns={columns}
            busy={busy}
            options={options}
            onOptions={setOptions}
            onColumns={(cols) => void check(file, cols)}
          />
        )}
        {step === 2 && result && (
          <Result
            status="success"
            title={t('importWizard.resultTitle')}
            subTitle={t('importWizard.resultBody', { imported: result.imported, merged: result.merged, skipped: result.skipped, invalid: result.invalid })}
          />
        )}
      </Space>
    </Modal>
  );
}

function padded(cols: (string | null)[], length: number): (string | null)[] {
  return Array.from({ length }, (_v, i) => cols[i] ?? null);
}
