import { Card, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS } from './import-fields';

interface Props {
  headers: string[];
  /** Field per column, or null for 忽略. */
  columns: (string | null)[];
  remembered: boolean;
  onChange(columns: (string | null)[]): void;
}

/** One Select per header of the file, laid out as a grid; a field can be mapped from one column only. */
export function MappingGrid({ headers, columns, remembered, onChange }: Props) {
  const { t } = useTranslation();
  const options = [{ value: '', label: t('importWizard.ignore') }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`importFields.${f}`) }))];

  function choose(column: number, field: string) {
    // Giving a field to this column takes it from the column that had it: the mapping stays one-to-one.
    onChange(columns.map((f, i) => (i === column ? field || null : f === field && field ? null : f)));
  }

  return (
    <Card
      size="small"
      title={t('importWizard.mapping')}
      extra={<Typography.Text type="secondary">{remembered ? t('importWizard.mappingRemembered') : t('importWizard.mappingHelp')}</Typography.Text>}
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: '8px 24px' }}>
        {headers.map((header, index) => {
          const name = header || `#${index + 1}`;
          const ignored = !columns[index];
          return (
            <div key={index} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <Typography.Text ellipsis={{ tooltip: name }} style={{ flex: '0 0 104px' }} type={ignored ? 'secondary' : undefined}>
                {name}
              </Typography.Text>
              <Select
                aria-label={`${name} · ${t('importWizard.field')}`}
                style={{ flex: 1, minWidth: 0 }}
                value={columns[index] ?? ''}
                options={options}
                onChange={(v: string) => choose(index, v)}
              />
            </div>
          );
        })}
      </div>
    </Card>
  );
}
