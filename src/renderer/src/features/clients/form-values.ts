import dayjs, { type Dayjs } from 'dayjs';
import type { ClientDetail, ClientInput, RevealableField } from '../../../../shared/clients';
import { fenToYuanInput, parseYuan } from '../../components/money';

// The edit form works in yuan text and dayjs dates; the contract in fen and YYYY-MM-DD.
// Form field names are ClientInput keys, so the core's `issues` land on the right Form.Item.

export const TEXT_FIELDS = [
  'clientNo', 'name', 'salutation', 'nationality', 'occupation', 'employer', 'wechat', 'legalRepresentative', 'bestTimeToCall',
  'notes', 'interests', 'family', 'lostReason', 'lostToBank', 'winBackPlan',
] as const;
export const MASKED_FIELDS = ['idNumber', 'mobile', 'phoneOther', 'email', 'addressRegistered', 'addressResidence'] as const satisfies readonly RevealableField[];
export const DATE_FIELDS = ['birthDate', 'idExpiry', 'relationshipStart', 'riskRatedAt'] as const;
export const MONEY_FIELDS = ['aumFen', 'depositsFen', 'loanBalanceFen', 'cardSpend12mFen', 'revenue12mFen'] as const;
export const CHOICE_FIELDS = ['kind', 'sex', 'birthdayCalendar', 'lunarMonth', 'lunarDay', 'idType', 'riskGrade', 'potential', 'preferredChannel', 'status'] as const;
export const FLAG_FIELDS = ['lunarLeap', 'idLongTerm', 'optOutMarketing', 'optOutThirdParty', 'optOutAutomated', 'optOutSensitive', 'doNotContact'] as const;
export const LIST_FIELDS = ['products', 'tags'] as const;

export type FormValues = Record<string, unknown>;

/** Every field the form shows, to tell a field-level issue from one it cannot show. */
export const FORM_FIELDS = new Set<string>([...TEXT_FIELDS, ...MASKED_FIELDS, ...DATE_FIELDS, ...MONEY_FIELDS, ...CHOICE_FIELDS, ...FLAG_FIELDS, ...LIST_FIELDS]);

export const NEW_CLIENT: FormValues = { kind: 'person', idType: 'resident_id', birthdayCalendar: 'solar', status: 'active', tags: [], products: [] };

/** A stored client as form values; masked fields start empty (editing never reveals them). */
export function toFormValues(d: ClientDetail): FormValues {
  const v: FormValues = {};
  for (const f of [...TEXT_FIELDS, ...CHOICE_FIELDS]) v[f] = d[f] ?? undefined;
  for (const f of FLAG_FIELDS) v[f] = d[f] ?? false;
  for (const f of LIST_FIELDS) v[f] = d[f] ?? [];
  for (const f of DATE_FIELDS) v[f] = d[f] ? dayjs(d[f]) : null;
  for (const f of MONEY_FIELDS) v[f] = d[f] ? fenToYuanInput(d[f]) : '';
  return v;
}

/** Form values → a full record for clients.create (empty fields left out). */
export function toClientInput(v: FormValues): ClientInput {
  const out: Record<string, unknown> = {};
  for (const f of [...TEXT_FIELDS, ...MASKED_FIELDS]) {
    const s = typeof v[f] === 'string' ? (v[f] as string).trim() : '';
    if (s) out[f] = s;
  }
  for (const f of CHOICE_FIELDS) if (v[f] !== undefined && v[f] !== null && v[f] !== '') out[f] = v[f];
  for (const f of FLAG_FIELDS) if (v[f]) out[f] = true;
  for (const f of LIST_FIELDS) out[f] = cleanList(v[f]);
  for (const f of DATE_FIELDS) if (v[f]) out[f] = (v[f] as Dayjs).format('YYYY-MM-DD');
  for (const f of MONEY_FIELDS) {
    const fen = parseYuan(String(v[f] ?? ''), f === 'revenue12mFen');
    if (fen !== null) out[f] = fen;
  }
  return out as ClientInput;
}

/** Only what the manager changed, for clients.update; a cleared field becomes null (money 0). */
export function toPatch(v: FormValues, d: ClientDetail): Partial<ClientInput> {
  const before = toClientInput(toFormValues(d)) as Record<string, unknown>;
  const after = toClientInput(v) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const f of FORM_FIELDS) {
    if ((MASKED_FIELDS as readonly string[]).includes(f)) {
      if (after[f] !== undefined) patch[f] = after[f];
      continue;
    }
    if (JSON.stringify(after[f]) === JSON.stringify(before[f])) continue;
    patch[f] = after[f] ?? clearedValue(f);
  }
  return patch as Partial<ClientInput>;
}

function clearedValue(field: string): unknown {
  if ((MONEY_FIELDS as readonly string[]).includes(field)) return 0;
  if ((FLAG_FIELDS as readonly string[]).includes(field)) return false;
  if ((LIST_FIELDS as readonly string[]).includes(field)) return [];
  if (['kind', 'name', 'birthdayCalendar', 'status'].includes(field)) return undefined;
  return null;
}

function cleanList(v: unknown): string[] {
  return Array.isArray(v) ? [...new Set(v.map((x) => String(x).trim()).filter(Boolean))] : [];
}
