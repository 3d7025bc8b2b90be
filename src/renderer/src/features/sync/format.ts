import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { SyncHistoryEntry } from '../../../../shared/sync';
import type { Tone } from '../../components/ToneTag';

// Fingerprints, times and the words of a sync history row, shared by the Sync page and Settings.

/** `ABCD 1234 … ` in groups of four, a wider gap in the middle, as GnuPG prints it. */
export function groupFingerprint(fp: string): string {
  const groups = fp.toUpperCase().replace(/\s+/g, '').match(/.{1,4}/g) ?? [];
  return [groups.slice(0, 5).join(' '), groups.slice(5).join(' ')].filter(Boolean).join('  ');
}

export const OUTCOME_TONES: Record<SyncHistoryEntry['outcome'], Tone> = { written: 'info', applied: 'success', refused: 'error' };

/** A local, readable instant: `2026年11月22日 09:30` / `22 Nov 2026, 09:30`. */
export function instantText(iso: string, lang: string): string {
  return dayjs(iso).format(lang === 'en' ? 'D MMM YYYY, HH:mm' : 'YYYY年M月D日 HH:mm');
}

/** `今天` / `3 天前`, by local calendar days. */
export function agoText(t: TFunction, iso: string): string {
  const days = dayjs().startOf('day').diff(dayjs(iso).startOf('day'), 'day');
  if (days <= 0) return t('syncPage.ago.today');
  return days === 1 ? t('syncPage.ago.yesterday') : t('syncPage.ago.days', { count: days });
}

// The history keeps a refusal's reason code but not its parameters: those read as an ellipsis.
const REASON_PARAMS = ['format', 'version', 'field', 'line', 'managerId', 'rosterSeq', 'last', 'seq', 'clientNo', 'detail', 'keyId'];

/** A refusal reason from the history in words: a file refusal, a key refusal, or an error code. */
export function refusalWords(t: TFunction, exists: (key: string) => boolean, reason: string): string {
  const params = Object.fromEntries(REASON_PARAMS.map((p) => [p, '…']));
  for (const key of [`syncRefusals.${reason}`, `keyRefusals.${reason}`, `errors.${reason}`]) if (exists(key)) return t(key, params);
  return t('syncPage.unknownReason', { code: reason });
}

/** The counts of a history row: records per entity (export) or what a roster did. */
export function countsText(t: TFunction, e: SyncHistoryEntry, sep: string): string {
  const c = e.counts ?? {};
  if (e.kind === 'export') {
    return Object.entries(c)
      .filter(([, n]) => n > 0)
      .map(([entity, n]) => `${t(`syncPage.entities.${entity}`, { defaultValue: entity })} ${n}`)
      .join(sep);
  }
  return (['assigned', 'updated', 'removed', 'proposalsAccepted', 'proposalsDeclined'] as const)
    .filter((k) => (c[k] ?? 0) > 0 || k === 'assigned' || k === 'updated' || k === 'removed')
    .map((k) => t(`syncPage.rosterCounts.${k}`, { count: c[k] ?? 0 }))
    .join(sep);
}

/** The sequence column: the journal range of an export, the number of a roster. */
export function rangeText(t: TFunction, e: SyncHistoryEntry): string {
  if (e.kind === 'export') return e.fromSeq !== null && e.toSeq !== null ? t('syncPage.seqRange', { from: e.fromSeq, to: e.toSeq }) : '';
  if (e.rosterSeq === null) return '';
  return e.toSeq !== null ? t('syncPage.rosterAck', { no: e.rosterSeq, acked: e.toSeq }) : t('syncPage.rosterNo', { no: e.rosterSeq });
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
