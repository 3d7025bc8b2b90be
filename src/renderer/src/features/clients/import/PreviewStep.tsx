import { Alert, Checkbox, Descriptions, Radio, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportPreviewRow } from '../../../../../shared/import';
import { DuplicateList, IssueList } from './IssueLists';
import { MappingGrid } from './MappingGrid';
import { ToneTag } from '../../../components/ToneTag';

// Technical names, the same in every language.
const ENCODINGS: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (BOM)', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', gb18030: 'GBK / GB18030' };

export interface CommitOptions {
  onDuplicate: 'skip' | 'merge';
  strict: boolean;
  rememberMapping: boolean;
}

interface Props {
  fileName: string;
  preview: ImportPreview;
  columns: (string | null)[];
  busy: boolean;
  options: CommitOptions;
  onOptions(o: CommitOptions): void;
  /** A changed mapping: the core checks the file again with it. */
  onColumns(columns: (string | null)[]): void;
}

export function PreviewStep({ fileName, preview, columns, busy, options, onOptions, onColumns }: Props) {
  const { t } = useTranslation();
  const { counts } = preview;
  const format = preview.format === 'xlsx' ? 'Excel (.xlsx)' : 'CSV';

  return (
    <Spin spinning={busy} description={t('importWizard.reading')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions
          size="small"
          bordered
          column={4}
          items={[
            { key: 'file', label: t('importWizard.file'), children: fileName, span: 2 },
            { key: 'format', label: t('importWizard.format'), children: format },
            { key: 'encoding', label: t('importWizard.encoding'), children: preview.format === 'xlsx' ? '—' : (ENCODINGS[preview.encoding] ?? preview.encoding) },
            { key: 'rows', label: t('importWizard.rows'), children: counts.rows },
            { key: 'valid', label: t('importWizard.valid'), children: <Typography.Text type="success">{counts.valid}</Typography.Text> },
            { key: 'invalid', label: t('importWizard.invalid'), children: counts.invalid ? <Typography.Text type="danger">{counts.invalid}</Typography.Text> : 0 },
            { key: 'dups', label: t('importWizard.duplicates'), children: counts.duplicates },
          ]}
        />
        {preview.missingRequired.map((f) => (
          <Alert key={f} role="alert" type="error" showIcon title={t('importWizard.missingRequired', { field: t(`importFields.${f}`, { defaultValue: f }) })} />
        ))}
        <MappingGrid headers={preview.headers} columns={columns} remembered={preview.mappingSource === 'remembered'} onChange={onColumns} />
        <Checkbox checked={options.rememberMapping} onChange={(e) => onOptions({ ...options, rememberMapping: e.target.checked })}>
          {t('importWizard.remember')}
        </Checkbox>
        <SampleTable rows={preview.sample} />
        <IssueList title={t('importWizard.errorsTitle')} issues={preview.errors} type="error" />
        <IssueList title={t('importWizard.warningsTitle')} issues={preview.warnings} type="warning" />
        {preview.duplicates.length > 0 && (
          <section aria-label={t('importWizard.duplicatesTitle')}>
            <DuplicateList duplicates={preview.duplicates} />
            <Space style={{ marginTop: 8 }} wrap>
              <Typography.Text id="rm-import-dup-label">{t('importWizard.onDuplicate')}</Typography.Text>
              <Radio.Group
                aria-labelledby="rm-import-dup-label"
                value={options.onDuplicate}
                onChange={(e) => onOptions({ ...options, onDuplicate: e.target.value as CommitOptions['onDuplicate'] })}
                options={[
                  { value: 'skip', label: t('importWizard.skip') },
                  { value: 'merge', label: t('importWizard.merge') },
                ]}
              />
            </Space>
          </section>
        )}
        {counts.invalid > 0 && (
          <Checkbox checked={options.strict} onChange={(e) => onOptions({ ...options, strict: e.target.checked })}>
            {t('importWizard.strict')}
          </Checkbox>
        )}
      </Space>
    </Spin>
  );
}

function SampleTable({ rows }: { rows: ImportPreviewRow[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportPreviewRow>
      size="small"
      rowKey="row"
      title={() => <Typography.Text strong>{t('importWizard.sample')}</Typography.Text>}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      columns={[
        { title: t('importWizard.row'), dataIndex: 'row', width: 72 },
        { title: t('clientFields.name'), dataIndex: 'name', ellipsis: true },
        { title: t('clientFields.idNumber'), dataIndex: 'idMasked', width: 220 },
        { title: t('clientFields.mobile'), dataIndex: 'mobileMasked', width: 140 },
        { title: t('importWizard.check'), dataIndex: 'ok', width: 96, render: (ok: boolean) => (ok ? <ToneTag tone="success">{t('importWizard.ok')}</ToneTag> : <ToneTag tone="error">{t('importWizard.bad')}</ToneTag>) },
      ]}
    />
  );
}
