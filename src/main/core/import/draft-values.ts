import type { ClientInput } from '../../../shared/clients';
import type { ClientDraft } from './fields';

/**
 * A checked row of a client file as client-record values, empty cells as null: the import keeps
 * what the book has where the file is empty; HQ's roster builder restates the HQ-owned ones.
 */
export function draftValues(d: ClientDraft): { [K in keyof ClientInput]-?: ClientInput[K] | null } {
  return {
    clientNo: d.clientNo,
    kind: d.kind,
    name: d.name,
    sex: d.sex,
    birthDate: d.birthDate,
    birthdayCalendar: d.birthdayCalendar,
    lunarMonth: d.lunarBirthday?.month ?? null,
    lunarDay: d.lunarBirthday?.day ?? null,
    lunarLeap: d.lunarBirthday?.leap ?? false,
    idType: d.idType,
    idNumber: d.idNumber,
    idExpiry: d.idExpiry?.kind === 'date' ? d.idExpiry.date : null,
    idLongTerm: d.idExpiry?.kind === 'long_term',
    mobile: d.mobile,
    email: d.email,
    addressResidence: d.address,
    occupation: d.occupation,
    aumFen: d.aumFen,
    depositsFen: d.depositsFen,
    loanBalanceFen: d.loanBalanceFen,
    cardSpend12mFen: d.cardSpend12mFen,
    revenue12mFen: d.revenue12mFen,
    products: d.products,
    riskGrade: d.riskGrade,
    relationshipStart: d.relationshipStart,
    tags: d.tags,
    notes: d.notes,
    potential: d.potential,
  } as { [K in keyof ClientInput]-?: ClientInput[K] | null };
}
