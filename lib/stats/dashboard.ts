// The supervisor dashboard: every section for a range, read in parallel (from the read replica when configured).
// The page and the CSV exports both call this, so a download holds exactly the numbers on the page.
import 'server-only';
import type { DbOrTx } from '@/lib/db';
import { getBacklog, type Backlog } from './backlog';
import type { StatsContext } from './context';
import { getCountries, type CountryRow } from './countries';
import { getCaseworkers, getDecisionTime, type CaseworkerRow, type DecisionTime } from './decisions';
import { rollupThrough } from './facts';
import { getAutoReasons, getFunnel, type Funnel, type ReasonRow } from './funnel';
import type { DashboardRange } from './range';
import {
  getRejectionsByCountry,
  getRejectionsByDocument,
  getRequestedItemsByCountry,
  getRequestedItemsByDocument,
  type ByCountry,
  type RejectionByDocument,
  type RequestedItemByDocument,
} from './reasons';
import { getVolume, type VolumeRow } from './volume';

export type Dashboard = {
  range: DashboardRange;
  funnel: Funnel;
  autoReasons: ReasonRow[];
  volume: VolumeRow[];
  backlog: Backlog;
  decisionTime: DecisionTime;
  caseworkers: CaseworkerRow[];
  rejectionsByDocument: RejectionByDocument[];
  rejectionsByCountry: ByCountry[];
  requestedItemsByDocument: RequestedItemByDocument[];
  requestedItemsByCountry: ByCountry[];
  countries: CountryRow[];
};

export async function statsContext(db: DbOrTx, range: DashboardRange, now: Date = new Date()): Promise<StatsContext> {
  return { range, through: await rollupThrough(db), now };
}

export async function getDashboard(db: DbOrTx, range: DashboardRange, now: Date = new Date()): Promise<Dashboard> {
  const ctx = await statsContext(db, range, now);
  const [funnel, autoReasons, volume, backlog, decisionTime, caseworkers, rejectionsByDocument, rejectionsByCountry, requestedItemsByDocument, requestedItemsByCountry, countries] =
    await Promise.all([
      getFunnel(db, ctx),
      getAutoReasons(db, ctx),
      getVolume(db, ctx),
      getBacklog(db, ctx),
      getDecisionTime(db, ctx),
      getCaseworkers(db, ctx),
      getRejectionsByDocument(db, ctx),
      getRejectionsByCountry(db, ctx),
      getRequestedItemsByDocument(db, ctx),
      getRequestedItemsByCountry(db, ctx),
      getCountries(db, ctx),
    ]);
  return { range, funnel, autoReasons, volume, backlog, decisionTime, caseworkers, rejectionsByDocument, rejectionsByCountry, requestedItemsByDocument, requestedItemsByCountry, countries };
}
