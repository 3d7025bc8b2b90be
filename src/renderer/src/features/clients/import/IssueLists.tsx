import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportDuplicate, ImportIssue } from '../../../../../shared/import';
import { reasonText } from '../format';

/** Long lists are cut here: the counts above say how many there are in all. */
const SHOWN = 200;

/** 第 N 行 · 字段 · 原因, one line per problem, in the manager's language. */
export function IssueList({ title, issues, type }: { title: string; issues: ImportIssue[]; type: 'error' | 'warning' }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  const lines = issues.slice(0, SHOWN).map((i) =>
    t('importWizard.issueLine', { row: i.row, field: t(`importFields.${i.field}`, { defaultValue: i.field }), reason: reasonText(t, i.code) }),
  );
  return <LineBox title={t('importWizard.counted', { title, count: issues.length })} lines={lines} more={issues.length - lines.length} type={type} />;
}

export function DuplicateList({ duplicates }: { duplicates: ImportDuplicate[] }) {
  const { t } = useTranslation();
  const lines = duplicates.slice(0, SHOWN).map((d) => {
    const by = t(`importWizard.matchBy.${d.matchBy}`);
    return d.otherRow !== null ? t('importWizard.dupInFile', { row: d.row, other: d.otherRow, by }) : t('importWizard.dupInBook', { row: d.row, by });
  });
  return <LineBox title={t('importWizard.counted', { title: t('importWizard.duplicatesTitle'), count: duplicates.length })} lines={lines} more={duplicates.length - lines.length} type="info" />;
}

function LineBox({ title, lines, more, type }: { title: string; lines: string[]; more: number; type: 'error' | 'warning' | 'info' }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={type}
      title={title}
      description={
        // Focusable so a keyboard user can scroll a long list.
        <div tabIndex={0} role="region" aria-label={title} style={{ maxHeight: 180, overflow: 'auto' }}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
          {more > 0 && <Typography.Text type="secondary">{t('importWizard.more', { count: more })}</Typography.Text>}
        </div>
      }
    />
  );
}
