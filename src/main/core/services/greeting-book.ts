import type { OccasionClientInput } from '../domain/greetings/occasions';
import type { Session } from './session';

// The clients' greeting fields in columns: a client's fields at the same position in each, its
// repeated strings (kind, status, salutation, birth date…) stored once for the whole book, its
// flags in bytes. A client becomes an object only while it is looked at, so the whole book can be
// kept for the session (~12 MB at 100,000 clients, where an object per client held ~45 MB).

export interface GreetingClient extends OccasionClientInput {
  salutation: string | null;
  sex: 'M' | 'F' | null;
  legalRepresentative: string | null;
  optOutMarketing: boolean;
  doNotContact: boolean;
  status: 'prospect' | 'active' | 'dormant' | 'lost';
  preferredChannel: string | null;
}

type Anniversaries = OccasionClientInput['companyAnniversaries'];
type ClientTuple = [string, 'person' | 'company', string, string | null, 'M' | 'F' | null, string | null, 'solar' | 'lunar', number | null, number | null, number, string, string | null, number, number, GreetingClient['status'], string | null];

const SQL = `SELECT id, kind, name, salutation, sex, birth_date, birthday_calendar, lunar_month, lunar_day, lunar_leap, company_anniversaries,
  legal_representative, opt_out_marketing, do_not_contact, status, preferred_channel FROM clients`;

// The string columns that repeat across a book, each held as an index into one word list
// (columns by number: a client is built 100,000 times a pass).
const KIND = 0;
const SALUTATION = 1;
const SEX = 2;
const BIRTH_DATE = 3;
const BIRTHDAY_CALENDAR = 4;
const LEGAL_REPRESENTATIVE = 5;
const STATUS = 6;
const PREFERRED_CHANNEL = 7;
const WORD_COLUMNS = 8;
const LUNAR_LEAP = 1;
const OPT_OUT_MARKETING = 2;
const DO_NOT_CONTACT = 4;
/** Shared by every client without anniversaries (read only). */
const NONE = Object.freeze([]) as unknown as Anniversaries;

export class GreetingBook implements Iterable<GreetingClient> {
  private readonly ids: string[];
  private readonly names: string[];
  private readonly words: (string | null)[] = [null];
  private readonly wordIndex = new Map<string, number>();
  private readonly codes: Uint32Array[];
  /** Lunar month and day; NaN for none. */
  private readonly lunarMonth: Float64Array;
  private readonly lunarDay: Float64Array;
  private readonly flags: Uint8Array;
  /** Only the clients that have some (companies). */
  private readonly anniversaries = new Map<number, Anniversaries>();

  /** Every client, or only those in `ids`. */
  static read(s: Session, ids?: readonly string[]): GreetingBook {
    const where = ids ? ` WHERE id IN (${ids.map(() => '?').join(',')})` : '';
    // One snapshot of the book: the count sizes the columns the scan then fills.
    return s.db.transaction(() => {
      const book = new GreetingBook(s.db.prepare(`SELECT count(*) FROM clients${where}`).pluck().get(...(ids ?? [])) as number);
      let i = 0;
      for (const row of s.db.prepare(`${SQL}${where}`).raw().iterate(...(ids ?? [])) as IterableIterator<ClientTuple>) book.add(i++, row);
      // Only needed while reading: a word's index is looked up by reading, never after.
      book.wordIndex.clear();
      return book;
    })();
  }

  private constructor(size: number) {
    this.ids = new Array<string>(size);
    this.names = new Array<string>(size);
    this.codes = Array.from({ length: WORD_COLUMNS }, () => new Uint32Array(size));
    this.lunarMonth = new Float64Array(size);
    this.lunarDay = new Float64Array(size);
    this.flags = new Uint8Array(size);
  }

  private add(i: number, [id, kind, name, salutation, sex, birthDate, birthdayCalendar, lunarMonth, lunarDay, lunarLeap, anniversaries, legalRepresentative, optOutMarketing, doNotContact, status, preferredChannel]: ClientTuple): void {
    this.ids[i] = id;
    this.names[i] = name;
    const codes = this.codes;
    codes[KIND]![i] = this.code(kind);
    codes[SALUTATION]![i] = this.code(salutation);
    codes[SEX]![i] = this.code(sex);
    codes[BIRTH_DATE]![i] = this.code(birthDate);
    codes[BIRTHDAY_CALENDAR]![i] = this.code(birthdayCalendar);
    codes[LEGAL_REPRESENTATIVE]![i] = this.code(legalRepresentative);
    codes[STATUS]![i] = this.code(status);
    codes[PREFERRED_CHANNEL]![i] = this.code(preferredChannel);
    this.lunarMonth[i] = lunarMonth ?? NaN;
    this.lunarDay[i] = lunarDay ?? NaN;
    this.flags[i] = (lunarLeap === 1 ? LUNAR_LEAP : 0) | (optOutMarketing === 1 ? OPT_OUT_MARKETING : 0) | (doNotContact === 1 ? DO_NOT_CONTACT : 0);
    if (anniversaries !== '[]') this.anniversaries.set(i, JSON.parse(anniversaries) as Anniversaries);
  }

  private code(word: string | null): number {
    if (word === null) return 0;
    let code = this.wordIndex.get(word);
    if (code === undefined) {
      code = this.words.push(word) - 1;
      this.wordIndex.set(word, code);
    }
    return code;
  }

  /** Client `i`, as a new object. */
  client(i: number): GreetingClient {
    const flags = this.flags[i]!;
    return {
      id: this.ids[i]!,
      kind: this.word(i, KIND) as GreetingClient['kind'],
      name: this.names[i]!,
      salutation: this.word(i, SALUTATION),
      sex: this.word(i, SEX) as GreetingClient['sex'],
      birthDate: this.word(i, BIRTH_DATE),
      birthdayCalendar: this.word(i, BIRTHDAY_CALENDAR) as GreetingClient['birthdayCalendar'],
      lunarMonth: orNull(this.lunarMonth[i]!),
      lunarDay: orNull(this.lunarDay[i]!),
      lunarLeap: (flags & LUNAR_LEAP) !== 0,
      companyAnniversaries: this.anniversaries.get(i) ?? NONE,
      legalRepresentative: this.word(i, LEGAL_REPRESENTATIVE),
      optOutMarketing: (flags & OPT_OUT_MARKETING) !== 0,
      doNotContact: (flags & DO_NOT_CONTACT) !== 0,
      status: this.word(i, STATUS) as GreetingClient['status'],
      preferredChannel: this.word(i, PREFERRED_CHANNEL),
    };
  }

  private word(i: number, column: number): string | null {
    return this.words[this.codes[column]![i]!]!;
  }

  // A plain iterator rather than a generator: the occasion rules walk the whole book per call.
  [Symbol.iterator](): Iterator<GreetingClient> {
    let i = 0;
    return { next: () => (i < this.ids.length ? { done: false, value: this.client(i++) } : { done: true, value: undefined }) };
  }

  /** The clients among `ids`, by id. */
  clientsById(ids: ReadonlySet<string | null>): Map<string, GreetingClient> {
    const out = new Map<string, GreetingClient>();
    this.ids.forEach((id, i) => ids.has(id) && out.set(id, this.client(i)));
    return out;
  }

  /** The names of the clients among `ids`, by id. */
  namesById(ids: ReadonlySet<string | null>): Map<string, string> {
    const out = new Map<string, string>();
    this.ids.forEach((id, i) => ids.has(id) && out.set(id, this.names[i]!));
    return out;
  }
}

function orNull(n: number): number | null {
  return Number.isNaN(n) ? null : n;
}
