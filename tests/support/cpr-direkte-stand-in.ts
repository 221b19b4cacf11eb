// A local TLS server speaking CPR Direkte's fixed-width protocol from a fixture of persons, so the adapter is tested
// against a real socket: logon and tokens, wrong credentials, expired tokens, unknown PNRs, slow answers and
// connections dropped before an answer. It writes records with the same layout module the client reads with.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import tls from 'node:tls';
import type { CprRecord } from '@/lib/matching';
import {
  answerHeader, CONTACT, CURRENT, ENCODING, FOREIGN, LOGON_ANSWER_LENGTH, LOGON_LENGTH, PNR_REQUEST_LENGTH,
  SEARCH_REQUEST_LENGTH, writeRecord,
} from '@/lib/register/cpr-direkte/records';

const tlsDir = path.join(import.meta.dirname, 'cpr-direkte-tls');
/** The CA that signed the stand-in's certificate (for CPR_DIREKTE_CA). */
export const STAND_IN_CA_FILE = path.join(tlsDir, 'ca.pem');

export type StandInPerson = {
  cpr: string;
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  /** The register's two-digit status code (01, 03, 05, 07, 20, 30, 50, 60, 70, 80, 90). */
  statusCode: string;
  /** Start of name-and-address protection, YYYY-MM-DD (a future date is not yet in force). */
  protectedFrom?: string;
  /** "Street 12, 2300 København S". */
  address?: string;
  foreignAddress?: { country: string; lines: string[] };
  contactAddress?: string[];
};

export const STAND_IN_CREDENTIALS = { customer: '4711', user: 'IMTEST01', password: 'Secret12' };

const STATUS_CODES: Record<CprRecord['status'], string> = {
  active: '01', inactive: '20', annulled: '30', changed: '60', disappeared: '70', emigrated: '80', deceased: '90',
};

/** A register record of the app's own shape as a stand-in person (for the demo population). */
export function standInPerson(r: Omit<CprRecord, 'middleName' | 'historicalNames'> & { middleName?: string }): StandInPerson {
  return {
    cpr: r.cpr,
    givenNames: [r.givenNames, r.middleName].filter(Boolean).join(' '),
    familyName: r.familyName,
    dateOfBirth: r.dateOfBirth,
    sex: r.sex,
    statusCode: STATUS_CODES[r.status],
    ...(r.nameAddressProtected ? { protectedFrom: '2020-01-01' } : {}),
    ...(r.address ? { address: r.address } : {}),
  };
}

export type StandIn = {
  host: string;
  port: number;
  /** Logon records received, and data requests received (including refused ones). */
  readonly counts: { logons: number; requests: number; connections: number; mostOpenAtOnce: number };
  /** Every token handed out so far stops working (as after the service's 30 minutes). */
  expireTokens(): void;
  /** The next `count` connections are closed as soon as their request has arrived, without an answer. */
  dropNext(count?: number): void;
  /** Every answer waits this long first (0 to stop). */
  delayAnswers(ms: number): void;
  stop(): Promise<void>;
};

const compact = (s: string) => s.replace(/-/g, '');
const stamp = (isoDate: string) => `${compact(isoDate)}0000`;

function currentRecord(p: StandInPerson): string {
  const f = (name: keyof typeof CURRENT, value: string): [number, number, string] => [CURRENT[name][0], CURRENT[name][1], value];
  const protectedNow = p.protectedFrom !== undefined && p.protectedFrom <= new Date().toISOString().slice(0, 10);
  const [street, place] = p.address && !protectedNow ? splitAddress(p.address) : ['', ''];
  const [postcode = '', ...district] = place.split(' ');
  return writeRecord('001', [
    f('pnr', p.cpr), f('birthDate', compact(p.dateOfBirth)), f('sex', p.sex === 'male' ? 'M' : 'K'), f('status', p.statusCode),
    f('statusDate', '200001010000'), f('protectionStart', p.protectedFrom ? stamp(p.protectedFrom) : ''),
    f('addressingName', `${p.familyName},${p.givenNames}`), f('standardAddress', street), f('postcode', street ? postcode : ''),
    f('postDistrict', street ? district.join(' ') : ''), f('firstNames', p.givenNames), f('lastName', p.familyName),
  ]);
}

function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf(', ');
  return at < 0 ? [address, ''] : [address.slice(0, at), address.slice(at + 2)];
}

function personRecords(p: StandInPerson): string {
  let out = currentRecord(p);
  if (p.foreignAddress) {
    out += writeRecord('002', [
      [FOREIGN.pnr[0], 10, p.cpr], [FOREIGN.date[0], 12, '202001010000'], [FOREIGN.country[0], 4, p.foreignAddress.country],
      ...p.foreignAddress.lines.map((line, i): [number, number, string] => [FOREIGN.lines[0] + i * 34, 34, line]),
    ]);
  }
  if (p.contactAddress) {
    out += writeRecord('003', [
      [CONTACT.pnr[0], 10, p.cpr], [CONTACT.date[0], 12, '202001010000'],
      ...p.contactAddress.map((line, i): [number, number, string] => [CONTACT.lines[0] + i * 34, 34, line]),
    ]);
  }
  return out;
}

function dataAnswer(transaction: string, token: string, user: string, customer: string, persons: StandInPerson[]): string {
  const body = persons.map(personRecords).join('');
  const start = writeRecord('000', [[3, 4, customer], [7, 12, '202612010000']]);
  const end = writeRecord('999', [[3, 4, customer], [7, 8, String(persons.length + 2).padStart(8, '0')]]);
  return answerHeader(transaction, token, user, 0) + start + body + end;
}

const errorAnswer = (transaction: string, token: string, user: string, code: number, text: string) =>
  answerHeader(transaction, token, user, code, String(code).padStart(4, '0')) + text;

function expectedLength(head: string): number {
  if (head[9] === '9') return LOGON_LENGTH;
  return head.slice(0, 4) === 'ADRM' ? SEARCH_REQUEST_LENGTH : PNR_REQUEST_LENGTH;
}

export async function startCprDirekteStandIn(persons: StandInPerson[], credentials = STAND_IN_CREDENTIALS): Promise<StandIn> {
  const tokens = new Set<string>();
  const counts = { logons: 0, requests: 0, connections: 0, mostOpenAtOnce: 0 };
  let drops = 0;
  let delay = 0;
  const open = new Set<tls.TLSSocket>();

  const answer = (request: string): string => {
    const transaction = request.slice(0, 4);
    const customer = request.slice(5, 9);
    if (request[9] === '9') {
      const user = request.slice(11, 19).trim();
      const password = request.slice(19, 27).trim();
      if (customer !== credentials.customer) return errorAnswer(transaction, '', user, 6, '').slice(0, LOGON_ANSWER_LENGTH);
      if (user !== credentials.user || password !== credentials.password) return errorAnswer(transaction, '', user, 1, '').slice(0, LOGON_ANSWER_LENGTH);
      const token = randomBytes(6).toString('base64url').slice(0, 8);
      tokens.add(token);
      return answerHeader(transaction, token, user, 0).slice(0, LOGON_ANSWER_LENGTH);
    }
    const token = request.slice(11, 19);
    const user = request.slice(19, 27).trim();
    if (!tokens.has(token)) return errorAnswer(transaction, token, user, 7, 'Timeout - nyt logon påkrævet');
    if (transaction === 'ADRM') {
      const sex = request[44] === 'M' ? 'male' : request[44] === 'K' ? 'female' : undefined;
      const name = request.slice(45, 111).trim().toUpperCase();
      const d = request.slice(111, 119);
      const date = `${d.slice(4, 8)}-${d.slice(2, 4)}-${d.slice(0, 2)}`;
      const found = persons.filter(
        (p) => p.dateOfBirth === date && (!sex || p.sex === sex) &&
          (!name || name.split(/\s+/).every((t) => `${p.givenNames} ${p.familyName}`.toUpperCase().split(/\s+/).includes(t))),
      );
      if (!found.length) return errorAnswer(transaction, token, user, 5, 'Ingen personer fundet');
      return dataAnswer(transaction, token, user, customer, found);
    }
    const pnr = request.slice(29, 39);
    const person = persons.find((p) => p.cpr === pnr);
    if (!person) return errorAnswer(transaction, token, user, 5, 'PNR ikke fundet i CPR');
    return dataAnswer(transaction, token, user, customer, [person]);
  };

  const server = tls.createServer(
    { key: readFileSync(path.join(tlsDir, 'server-key.pem')), cert: readFileSync(path.join(tlsDir, 'server.pem')) },
    (socket) => {
      counts.connections += 1;
      open.add(socket);
      counts.mostOpenAtOnce = Math.max(counts.mostOpenAtOnce, open.size);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {});
      let received = '';
      socket.on('data', async (chunk: Buffer) => {
        received += chunk.toString(ENCODING);
        if (received.length < 11 || received.length < expectedLength(received)) return;
        const request = received.slice(0, expectedLength(received));
        received = '';
        if (request[9] === '9') counts.logons += 1;
        else counts.requests += 1;
        if (drops > 0) {
          drops -= 1;
          socket.destroy();
          return;
        }
        if (delay) await sleep(delay);
        if (socket.destroyed) return;
        socket.end(Buffer.from(answer(request), ENCODING));
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('stand-in has no port');
  return {
    host: '127.0.0.1',
    port: address.port,
    counts,
    expireTokens: () => tokens.clear(),
    dropNext: (count = 1) => void (drops = count),
    delayAnswers: (ms) => void (delay = ms),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
