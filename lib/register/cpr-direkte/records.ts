// The fixed-width records of CPR Direkte, written and read in one place (shared by the client and the test stand-in).
// Pure: no I/O. Text is ISO-8859-1 on the wire, as the CPR office's record descriptions specify.
//
// Layout sources (public): the CPR office's service descriptions "CPR Direkte PRIV - CPR-nr. Search for Private
// Companies" and "CPR Direkte ADRM - Match" (cprservicedesk.atlassian.net, section 4 "Communication Protocol" and the
// record tables of U09480P "Persondata Private Ændringsudtræk"), as read by the open-source clients that implement
// them: magenta-aps/datafordeler CprDirectLookup (Java: logon record, token at 6–13, error number at 22–23, reason
// code at 24–27, data from 28, error 7 = new logon), LasseRafn/php-cpr-direkte (PHP: the error table, the 001 field
// positions, record lengths 000/001/002/003/999, the name + sex + birth-date match request). Positions below are
// 0-based offsets; the descriptions count from 1.

export const ENCODING = 'latin1' as const;

/** ABON_TYPE of the logon record, and of a data request that leaves subscriptions as they are. */
const LOGON_ABON_TYPE = '9';
const LOGON_DATA_TYPE = '0';
const REQUEST_ABON_TYPE = '0';
/** DATA_TYPE 6: the person data records agreed for the task (000, 001, 002, 003, 999). */
const REQUEST_DATA_TYPE = '6';

export const LOGON_LENGTH = 35;
export const LOGON_ANSWER_LENGTH = 24;
export const PNR_REQUEST_LENGTH = 39;
export const SEARCH_REQUEST_LENGTH = 209;
/** The answer header (SVARINDIVID) before the DATA section. */
export const ANSWER_HEADER_LENGTH = 28;

/** The CPR office's error numbers (SVARINDIVID positions 23–24). */
export const ERROR_TEXT: Record<number, string> = {
  0: 'no error',
  1: 'user id or password incorrect',
  2: 'password expired',
  3: 'password format error',
  4: 'no access to CPR (service temporarily closed)',
  5: 'PNR not found',
  6: 'unknown customer',
  7: 'timeout, new logon required',
  8: 'dead-lock while reading the register',
  9: 'serious problem: no connection to the CPR system',
  10: 'ABON_TYPE unknown',
  11: 'DATA_TYPE unknown',
  16: 'no access from this IP address',
  17: 'PNR not specified',
  99: 'user id has no access to the transaction',
};
export const ERR_NOT_FOUND = 5;
export const ERR_TOKEN_EXPIRED = 7;
/** Errors that say our configuration or account is wrong: retrying would only risk locking the account. */
export const CREDENTIAL_ERRORS = new Set([1, 2, 3, 6, 16, 99]);
/** Errors that say the register itself is unavailable for now. */
export const UNAVAILABLE_ERRORS = new Set([4, 8, 9]);

const pad = (value: string, length: number) => value.slice(0, length).padEnd(length, ' ');
const zero = (value: string | number, length: number) => String(value).slice(0, length).padStart(length, '0');
const field = (record: string, start: number, length: number) => record.slice(start, start + length).trim();

export type Credentials = { transaction: string; customer: string; user: string; password: string };

/** LOGONINDIVID: transaction code, comma, customer number, ABON_TYPE 9, DATA_TYPE 0, user id, password, new password. */
export function logonRecord(c: Credentials): Buffer {
  const text = `${pad(c.transaction, 4)},${zero(c.customer, 4)}${LOGON_ABON_TYPE}${LOGON_DATA_TYPE}${pad(c.user, 8)}${pad(c.password, 8)}`;
  return Buffer.from(pad(text, LOGON_LENGTH), ENCODING);
}

/** A data request for one PNR: transaction, customer, ABON_TYPE, DATA_TYPE, token, user id, "00", PNR. */
export function pnrRequestRecord(c: Omit<Credentials, 'password'>, token: string, pnr: string): Buffer {
  const text = `${pad(c.transaction, 4)},${zero(c.customer, 4)}${REQUEST_ABON_TYPE}${REQUEST_DATA_TYPE}${pad(token, 8)}${pad(c.user, 8)}00${zero(pnr, 10)}`;
  return Buffer.from(pad(text, PNR_REQUEST_LENGTH), ENCODING);
}

export type SearchCriteria = { dateOfBirth: string /* YYYY-MM-DD */; name?: string; sex?: 'male' | 'female' };

/**
 * The match request (ADRM): the same opening as a PNR request, then 17 blank positions (customer reference), sex
 * (M/K, blank for either), name (66), birth date DDMMYYYY (8).
 */
export function searchRequestRecord(c: Omit<Credentials, 'password'>, token: string, criteria: SearchCriteria): Buffer {
  const [y, m, d] = criteria.dateOfBirth.split('-') as [string, string, string];
  const sex = criteria.sex === 'male' ? 'M' : criteria.sex === 'female' ? 'K' : ' ';
  const text =
    `${pad(c.transaction, 4)},${zero(c.customer, 4)}${REQUEST_ABON_TYPE}${REQUEST_DATA_TYPE}${pad(token, 8)}${pad(c.user, 8)}` +
    `${pad('', 17)}${sex}${pad(criteria.name ?? '', 66)}${d}${m}${y}`;
  return Buffer.from(pad(text, SEARCH_REQUEST_LENGTH), ENCODING);
}

export type AnswerHeader = { token: string; user: string; error: number; reason: string };

export function parseAnswerHeader(answer: string): AnswerHeader {
  if (answer.length < LOGON_ANSWER_LENGTH) throw new ProtocolError(`answer of ${answer.length} characters is shorter than its header`);
  const error = Number(answer.slice(22, 24));
  if (!Number.isInteger(error)) throw new ProtocolError('error number is not numeric');
  return { token: answer.slice(6, 14), user: field(answer, 14, 8), error, reason: field(answer, 24, 4) };
}

/** Record type → record length in the DATA section. */
export const RECORD_LENGTH: Record<string, number> = { '000': 35, '001': 469, '002': 195, '003': 197, '999': 21 };

/** Splits the DATA section into typed records; an unknown type or a cut-off record is a protocol error. */
export function splitRecords(data: string): { type: string; text: string }[] {
  const records: { type: string; text: string }[] = [];
  let at = 0;
  while (at < data.length) {
    const type = data.slice(at, at + 3);
    const length = RECORD_LENGTH[type];
    if (!length) throw new ProtocolError(`unknown record type ${JSON.stringify(type.replace(/\d/g, '#'))}`);
    if (at + length > data.length) throw new ProtocolError(`record ${type} is cut off`);
    records.push({ type, text: data.slice(at, at + length) });
    at += length;
    if (type === '999') break;
  }
  if (records[0]?.type !== '000' || records.at(-1)?.type !== '999') throw new ProtocolError('answer lacks its start or end record');
  return records;
}

export class ProtocolError extends Error {}

/** 001 current data: the fields this service reads (offsets per the PRIV record description). */
export const CURRENT = {
  pnr: [3, 10], birthDate: [13, 8], sex: [21, 1], status: [22, 2], statusDate: [24, 12], currentPnr: [36, 10],
  guardianshipDate: [46, 12], addressDate: [58, 12], protectionStart: [70, 12], position: [82, 34],
  addressingName: [116, 34], careOf: [150, 34], locality: [184, 34], standardAddress: [218, 34], city: [252, 34],
  postcode: [286, 4], postDistrict: [290, 20], municipality: [310, 4], streetCode: [314, 4], houseNumber: [318, 4],
  floor: [322, 2], door: [324, 4], building: [328, 4], firstNames: [332, 50], lastName: [382, 40], streetName: [422, 20],
} as const satisfies Record<string, readonly [number, number]>;

/** 002 foreign address: PNR, emigration date, country code, four address lines. */
export const FOREIGN = { pnr: [3, 10], date: [13, 12], country: [25, 4], lines: [29, 34] } as const;
export const FOREIGN_LINES = 4;
/** 003 contact address: PNR, start date, five address lines from offset 27. */
export const CONTACT = { pnr: [3, 10], date: [13, 12], lines: [27, 34] } as const;
export const CONTACT_LINES = 5;

export type CurrentData = { [K in keyof typeof CURRENT]: string };

export function readCurrent(record: string): CurrentData {
  return Object.fromEntries(Object.entries(CURRENT).map(([name, [start, length]]) => [name, field(record, start, length)])) as CurrentData;
}

export function readLines(record: string, first: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => field(record, first + i * 34, 34)).filter(Boolean);
}

/** Writes fields into a blank record of a type's length (used by the stand-in and the record tests). */
export function writeRecord(type: string, fields: [start: number, length: number, value: string][]): string {
  const chars = `${type}${' '.repeat(RECORD_LENGTH[type]! - 3)}`.split('');
  for (const [start, length, value] of fields) pad(value, length).split('').forEach((ch, i) => (chars[start + i] = ch));
  return chars.join('');
}

/** The answer header the service writes before the DATA section. */
export function answerHeader(transaction: string, token: string, user: string, error: number, reason = '0000'): string {
  return `${pad(transaction, 4)},0${pad(token, 8)}${pad(user, 8)}${zero(error, 2)}${pad(reason, 4)}`;
}
