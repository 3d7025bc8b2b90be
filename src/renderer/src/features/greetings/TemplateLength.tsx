import { useTranslation } from 'react-i18next';
import { fillTemplate, smsSegments, SMS_LONG_COLOR, type MergeField } from './format';

/** A template's SMS length, filled in for a sample client: orange above one message (70 Chinese characters). */
export function TemplateLength({ text, sample, hint }: { text: string; sample: Record<MergeField, string>; hint?: boolean }) {
  const { t } = useTranslation();
  const { chars, segments } = smsSegments(fillTemplate(text, sample));
  const long = segments > 1;
  return (
    <span style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums', color: long ? SMS_LONG_COLOR : 'rgba(0, 0, 0, 0.68)', fontWeight: long ? 600 : 400 }}>
      {t('greetingTemplates.approx', { chars, segments })}
      {hint && <span style={{ color: 'rgba(0, 0, 0, 0.68)', fontWeight: 400 }}>{` · ${t('greetingTemplates.approxHint')}`}</span>}
    </span>
  );
}
