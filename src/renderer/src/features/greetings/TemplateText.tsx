import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MERGE_FIELDS } from './format';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(MERGE_FIELDS);

/** A template as a manager reads it: each {{field}} shown as a small named marker (称呼, 年龄…). */
export function TemplateText({ text }: { text: string }) {
  const { t } = useTranslation();
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const field = m[1]!;
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(
      <span key={m.index} className={`rm-gtpl-field${KNOWN.has(field) ? '' : ' rm-gtpl-field-bad'}`} title={m[0]}>
        {KNOWN.has(field) ? t(`greetingTemplates.fieldNames.${field}`) : field}
      </span>,
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <p className="rm-gtpl-text" title={text}>
      {parts}
    </p>
  );
}
