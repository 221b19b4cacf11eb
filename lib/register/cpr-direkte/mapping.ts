// From CPR Direkte's typed records to our register record: status codes, name-and-address protection, birth date
// (with the century rule of the CPR number when the record has none) and the address. Pure.
import { parseCpr, type CprRecord } from '@/lib/matching';
import { CONTACT, CONTACT_LINES, FOREIGN, FOREIGN_LINES, ProtocolError, readCurrent, readLines } from './records';

/**
 * The register's status codes (CPR's "personstatus"). 50 (deleted) has no status of its own in our model: it is
 * treated like an annulled number, which never links automatically and puts a caseworker in charge.
 */
export function statusOf(code: string): CprRecord['status'] {
  switch (code) {
    case '01': case '03': case '05': case '07': return 'active';
    case '20': return 'inactive';
    case '30': case '50': return 'annulled';
    case '60': return 'changed';
    case '70': return 'disappeared';
    case '80': return 'emigrated';
    case '90': return 'deceased';
    default: throw new ProtocolError(`unknown status code ${JSON.stringify(code)}`);
  }
}

/** YYYYMMDD → YYYY-MM-DD, or null when the field is blank or not a date. */
function isoDate(yyyymmdd: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Protection is in force when its start (YYYYMMDDHHMM) has passed; a future start is not yet protection. */
function protectedAt(start: string, now: Date): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(start);
  if (!m) return false;
  return `${m[1]}-${m[2]}-${m[3]}` <= now.toISOString().slice(0, 10);
}

export type AnswerRecords = { type: string; text: string }[];

/** Every person in an answer: each 001 with the 002/003 records that follow it. */
export function toRegisterRecords(records: AnswerRecords, now = new Date()): CprRecord[] {
  const people: { current: string; foreign?: string; contact?: string }[] = [];
  for (const r of records) {
    if (r.type === '001') people.push({ current: r.text });
    else if (r.type === '002' && people.length) people.at(-1)!.foreign = r.text;
    else if (r.type === '003' && people.length) people.at(-1)!.contact = r.text;
  }
  return people.map((p) => toRegisterRecord(p, now));
}

function toRegisterRecord(p: { current: string; foreign?: string; contact?: string }, now: Date): CprRecord {
  const c = readCurrent(p.current);
  const parsed = parseCpr(c.pnr);
  if (!parsed.ok) throw new ProtocolError('001 record carries no valid PNR');
  const status = statusOf(c.status);
  const nameAddressProtected = protectedAt(c.protectionStart, now);
  const sex = c.sex === 'M' ? 'male' : c.sex === 'K' ? 'female' : parsed.sex;
  const address = nameAddressProtected ? undefined : addressOf(c, status, p);
  return {
    cpr: parsed.cpr,
    givenNames: c.firstNames,
    familyName: c.lastName,
    dateOfBirth: isoDate(c.birthDate) ?? parsed.dateOfBirth,
    sex,
    status,
    nameAddressProtected,
    ...(address ? { address } : {}),
  };
}

function addressOf(c: ReturnType<typeof readCurrent>, status: CprRecord['status'], p: { foreign?: string; contact?: string }): string | undefined {
  if (status === 'emigrated' && p.foreign) {
    const lines = readLines(p.foreign, FOREIGN.lines[0], FOREIGN_LINES);
    if (lines.length) return lines.join(', ');
  }
  const danish = [c.careOf, c.locality, c.standardAddress, [c.postcode, c.postDistrict].filter(Boolean).join(' ')].filter(Boolean);
  if (danish.length && c.standardAddress) return danish.join(', ');
  if (p.contact) {
    const lines = readLines(p.contact, CONTACT.lines[0], CONTACT_LINES);
    if (lines.length) return lines.join(', ');
  }
  return undefined;
}
