// Per country: logins, automatic decisions and matches with the automatic match rate, MitID matches, and the manual
// applications with their outcomes.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db';
import { facts, inCurrent, inPrevious, percent, type StatsContext } from './context';

export type CountryRow = {
  country: string;
  logins: number;
  loginsPrevious: number;
  autoDecisions: number;
  autoMatches: number;
  autoMatchRate: number | null;
  autoMatchRatePrevious: number | null;
  mitidMatches: number;
  applications: number;
  approved: number;
  rejected: number;
};

const AUTO_DECIDED = sql`metric = 'attempt' and k1 = 'auto' and k2 in ('match', 'manual', 'no_match', 'not_found')`;
const AUTO_MATCH = sql`metric = 'attempt' and k1 = 'auto' and k2 = 'match'`;

export async function getCountries(db: DbOrTx, ctx: StatsContext): Promise<CountryRow[]> {
  const cur = inCurrent(ctx);
  const prev = inPrevious(ctx);
  const count = (where: ReturnType<typeof sql>, period = cur) => sql`coalesce(sum(n) filter (where ${where} and ${period}), 0)::int`;
  const rows = await db.execute<CountryRow>(sql`select country,
      ${count(sql`metric = 'login'`)} as logins,
      ${count(sql`metric = 'login'`, prev)} as "loginsPrevious",
      ${count(AUTO_DECIDED)} as "autoDecisions",
      ${count(AUTO_MATCH)} as "autoMatches",
      ${percent(sql`sum(n) filter (where ${AUTO_MATCH} and ${cur})`, sql`sum(n) filter (where ${AUTO_DECIDED} and ${cur})`)} as "autoMatchRate",
      ${percent(sql`sum(n) filter (where ${AUTO_MATCH} and ${prev})`, sql`sum(n) filter (where ${AUTO_DECIDED} and ${prev})`)} as "autoMatchRatePrevious",
      ${count(sql`metric = 'attempt' and k1 = 'mitid' and k2 = 'match'`)} as "mitidMatches",
      ${count(sql`metric = 'submitted'`)} as applications,
      ${count(sql`metric = 'decided' and k1 = 'approved'`)} as approved,
      ${count(sql`metric = 'decided' and k1 = 'rejected'`)} as rejected
    from ${facts(ctx, ['login', 'attempt', 'submitted', 'decided'])} f
    group by country
    having sum(n) filter (where ${cur} or ${prev}) > 0
    order by logins desc, applications desc, country`);
  return [...rows];
}
