import type { ClientInput } from '../../../../shared/clients';
import { isRealDate } from './common';
import { checkEmail, normaliseMobile } from './contact';
import { parseResidentId, residentIdMatchesBirthDate } from './resident-id';
import { parseUscc } from './uscc';

export interface FieldIssue {
  field: string;
  code: string;
}

const DATE_FIELDS = ['birthDate', 'idExpiry', 'relationshipStart', 'riskRatedAt'] as const;

/**
 * Checks a client record as entered (form, import or API) against the KYC rules and
 * returns it normalised (upper-case ID, 11-digit mobile; birth date and sex filled from
 * a resident ID when empty) with every failing field listed.
 */
export function checkClient(input: ClientInput, today: string): { value: ClientInput; issues: FieldIssue[] } {
  const v: ClientInput = { ...input };
  const issues: FieldIssue[] = [];
  const bad = (field: string, code: string) => issues.push({ field, code });

  for (const f of DATE_FIELDS) {
    const d = v[f];
    if (d && !realDate(d)) bad(f, 'DATE_INVALID');
  }
  (v.companyAnniversaries ?? []).forEach((a, i) => {
    if (!realDate(a.date)) bad(`companyAnniversaries.${i}.date`, 'DATE_INVALID');
  });
  if (v.birthDate && realDate(v.birthDate) && v.birthDate > today) bad('birthDate', 'DATE_IN_FUTURE');

  if (v.idNumber) {
    if (v.idType === 'resident_id') {
      const id = parseResidentId(v.idNumber, today);
      if (!id.ok) bad('idNumber', id.code);
      else {
        v.idNumber = id.value.id;
        if (!v.birthDate) v.birthDate = id.value.birthDate;
        else if (realDate(v.birthDate) && !residentIdMatchesBirthDate(id.value, v.birthDate)) bad('birthDate', 'ID_BIRTH_MISMATCH');
        if (!v.sex) v.sex = id.value.sex;
        else if (v.sex !== id.value.sex) bad('sex', 'ID_SEX_MISMATCH');
      }
    } else if (v.idType === 'uscc') {
      const code = parseUscc(v.idNumber);
      if (!code.ok) bad('idNumber', code.code);
      else v.idNumber = code.value;
    } else {
      v.idNumber = v.idNumber.replace(/\s+/g, '').toUpperCase();
      if (!v.idType) bad('idType', 'ID_TYPE_REQUIRED');
    }
  }
  if (v.kind === 'company' && v.idType && v.idType !== 'uscc') bad('idType', 'COMPANY_NEEDS_USCC');
  if (v.kind === 'person' && v.idType === 'uscc') bad('idType', 'PERSON_NO_USCC');

  if (v.mobile) {
    const m = normaliseMobile(v.mobile);
    if (!m.ok) bad('mobile', m.code);
    else v.mobile = m.value;
  }
  if (v.email) {
    const e = checkEmail(v.email);
    if (!e.ok) bad('email', e.code);
    else v.email = e.value;
  }
  if (v.birthdayCalendar === 'lunar' && (!v.lunarMonth || !v.lunarDay)) bad('lunarMonth', 'LUNAR_BIRTHDAY_REQUIRED');
  return { value: v, issues };
}

function realDate(d: string): boolean {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return isRealDate(y, m, day);
}
