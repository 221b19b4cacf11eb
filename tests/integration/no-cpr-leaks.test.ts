// No response of the journey and no log line may carry a CPR number the applicant did not type in that request:
// not the register's, not MitID's, not another person's. Every response and log line of whole journeys is checked.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '@/db/schema';
import { getDb } from '@/lib/db';
import { renderEmail } from '@/lib/email';
import { logger } from '@/lib/log';
import { parseCpr } from '@/lib/matching';
import { decryptJson } from '@/lib/security/crypto';
import * as journey from './support/journey';
import { cprOf, location, seedRegister, seedRelyingParty } from './support/journey';

const CPR_LIKE = /\b\d{6}[-\s\u2013]?\d{4}\b/g;
const logLines: string[] = [];
const seen: { what: string; typed: string | null; text: string }[] = [];

async function record(what: string, typed: string | null, res: Response): Promise<Response> {
  const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  const body = await res.clone().text();
  seen.push({ what, typed, text: `${res.status}\n${headers}\n${body}` });
  return res;
}

/** The CPR-like numbers in a text, as 10 digits. */
function cprsIn(text: string): string[] {
  return [...text.matchAll(CPR_LIKE)].map((m) => m[0].replace(/\D/g, ''));
}

let restoreStream: () => void;

beforeAll(async () => {
  await seedRegister(getDb());
  await seedRelyingParty(getDb());
  const stream = (logger as unknown as Record<symbol, { write: (line: string) => boolean }>)[pino.symbols.streamSym]!;
  const write = stream.write;
  stream.write = (line: string) => {
    logLines.push(line);
    return true;
  };
  const level = logger.level;
  logger.level = 'trace';
  restoreStream = () => {
    stream.write = write;
    logger.level = level;
  };
});

afterAll(() => restoreStream?.());

async function submit(what: string, cookie: string, cpr: string, email = 'person@example.com') {
  return record(what, parseCpr(cpr).ok ? (parseCpr(cpr) as { cpr: string }).cpr : null, await journey.submit(cookie, { cpr, email }));
}

async function login(what: string, who: string | Record<string, string>) {
  const { cookie, loginUrl, res: start } = await journey.startJourney({ returnTo: journey.RETURN_URL });
  await record(`${what}: start`, null, start);
  const callback = await journey.simulateEid(loginUrl, who);
  await record(`${what}: eID callback`, null, await journey.eidCallback(journey.get(callback, cookie)));
  return cookie;
}

describe('CPR numbers in responses and log lines', () => {
  it('appear nowhere but where the applicant typed them, across linking, near misses, MitID, limits and errors', async () => {
    // Happy path.
    let cookie = await login('happy', 'p01');
    await submit('happy: match', cookie, `${cprOf('p01').slice(0, 6)}-${cprOf('p01').slice(6)}`);

    // Near miss, then MitID answering with somebody else's CPR number.
    cookie = await login('mismatch', 'p25');
    await submit('mismatch: auto', cookie, cprOf('p25'));
    const mitid = await journey.loginWithMitid(cookie, { person: 'p21' });
    await record('mismatch: MitID start', null, mitid.start);
    await record('mismatch: MitID callback', null, mitid.res);
    expect(location(mitid.res)).toBe(`${journey.APP}/apply`);

    // Near miss, then MitID confirming.
    cookie = await login('mitid', 'p27');
    await submit('mitid: auto', cookie, cprOf('p27'));
    const confirmed = await journey.loginWithMitid(cookie, { person: 'p27' });
    await record('mitid: MitID callback', null, confirmed.res);

    // Somebody else's CPR number typed (the register holds it for another person), a wrong birth date, unknown CPR.
    cookie = await login('other', 'p33');
    await submit('other: typed p02', cookie, cprOf('p02'));
    await submit('other: typed own', cookie, cprOf('p33'));
    await submit('other: unknown', cookie, '0101011234');
    await submit('other: limited', cookie, cprOf('p34'));

    // Bad input: an impossible date and a malformed number are not echoed back.
    cookie = await login('bad', 'p35');
    await submit('bad: date', cookie, '310290-1234');
    await submit('bad: format', cookie, '0101901234567');
    await record('bad: no journey', '0101901234', await journey.submit('', { cpr: '0101901234', email: 'a@example.com' }));
    await record('bad: malformed', null, await journey.submit(cookie, null, { raw: `{"cpr":"${cprOf('p35')}"` }));

    expect(seen.length).toBeGreaterThan(20);
    for (const { what, typed, text } of seen) {
      const leaked = cprsIn(text).filter((c) => c !== typed);
      expect(leaked, `${what} leaks a CPR number`).toEqual([]);
    }
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) {
      expect(cprsIn(line), line).toEqual([]);
      expect(line, 'a CPR-like number reached the logger (masked)').not.toContain('[cpr]');
    }
  });

  it('never puts a CPR number in a confirmation email', async () => {
    const emails = await getDb().select().from(s.emailOutbox);
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) {
      const rendered = await renderEmail(email.template as 'link_created', email.locale, decryptJson(email.dataEnc));
      expect(cprsIn(`${rendered.subject}\n${rendered.text}\n${rendered.html}`)).toEqual([]);
    }
  });
});
