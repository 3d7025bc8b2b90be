// Client kind, ID type and ID number checked together: which check applies to the
// number depends on the type, and the type must suit the kind (企业 ⇒ 统一社会信用代码).
import { toHalfWidth } from '../domain/kyc/common';
import { parseResidentId, type ResidentId } from '../domain/kyc/resident-id';
import { parseUscc } from '../domain/kyc/uscc';
import { ID_TYPE_VALUES, valueKey, type ClientKind, type FieldMapping, type IdType, type ImportField } from './fields';
import type { CellFlag } from './table-builder';

export interface IdentityInput {
  cell: (field: ImportField) => string;
  err: (field: ImportField, code: string, reason: string) => null;
  /** The parsed kind column, or null when empty or invalid (already reported). */
  kind: ClientKind | null;
  today: string;
  flags: readonly { column: number; flag: CellFlag }[];
  mapping: FieldMapping;
}

export interface Identity {
  kind: ClientKind;
  idType: IdType | null;
  idNumber: string | null;
  /** Set when the number is a valid resident ID: its birth date and sex. */
  resident?: ResidentId;
}

export function checkIdentity(input: IdentityInput): Identity {
  const { cell, err } = input;
  const typeCell = cell('id_type');
  const number = toHalfWidth(cell('id_number')).replace(/\s+/g, '').toUpperCase();

  let idType: IdType | null = null;
  if (typeCell !== '') {
    idType = ID_TYPE_VALUES[valueKey(typeCell)] ?? null;
    if (idType === null) err('id_type', 'ID_TYPE_INVALID', 'not in the value list');
  } else if (number !== '') {
    // No type given: infer it from which check the number passes. A USCC starting with 9
    // can never be a resident ID (no province 9x), so real collisions do not occur.
    const asResident = parseResidentId(number, input.today).ok;
    const asUscc = parseUscc(number).ok;
    if (asResident && !(input.kind === 'company' && asUscc)) idType = 'resident_id';
    else if (asUscc || input.kind === 'company') idType = 'uscc';
    else if (/^\d{17}[\dX]$/.test(number)) idType = 'resident_id';
    else err('id_type', 'ID_TYPE_REQUIRED', 'cannot infer the ID type');
  }
  const kind: ClientKind = input.kind ?? (idType === 'uscc' ? 'company' : 'person');
  if (kind === 'company' && idType !== null && idType !== 'uscc') err('id_type', 'COMPANY_NEEDS_USCC', 'company with a personal document');
  if (kind === 'person' && idType === 'uscc') err('id_type', 'PERSON_NO_USCC', 'person with a company code');

  const result: Identity = { kind, idType, idNumber: number === '' ? null : number };
  if (number === '') {
    if (idType !== null && typeCell !== '') err('id_number', 'REQUIRED', 'ID type given without a number');
    return result;
  }
  if (idType === null) return result;

  const idColumn = input.mapping.id_number;
  const imprecise = input.flags.some((f) => f.column === idColumn && f.flag === 'imprecise_number');
  if (imprecise || /^\d(?:\.\d+)?E\+?\d+$/.test(number)) {
    // Excel turned the number into a float (1.10105E+17): the last digits are gone.
    err('id_number', 'ID_PRECISION_LOST', 'stored as a number by Excel');
    return result;
  }
  switch (idType) {
    case 'resident_id': {
      const r = parseResidentId(number, input.today);
      if (!r.ok) err('id_number', r.code, r.reason);
      else return { ...result, idNumber: r.value.id, resident: r.value };
      break;
    }
    case 'uscc': {
      const r = parseUscc(number);
      if (!r.ok) err('id_number', r.code, r.reason);
      break;
    }
    default:
      if (!ID_NUMBER_SHAPES[idType].test(number)) err('id_number', 'ID_NUMBER_FORMAT', `not a ${idType} number`);
  }
  return result;
}

// Shapes only, for documents without a public check digit: PRC passports (E + 8 digits,
// EA1234567) and foreign ones vary; the HK/Macao permit is H or M + 8 (or 10) digits;
// officer IDs carry Chinese, e.g. 南字第12345678号.
const ID_NUMBER_SHAPES: Record<Exclude<IdType, 'resident_id' | 'uscc'>, RegExp> = {
  passport: /^[A-Z0-9]{5,17}$/,
  hk_macao_permit: /^[HM]\d{8}(?:\d{2})?$/,
  military_officer: /^[\p{L}\p{N}]{4,30}$/u,
};
