// The queue's filters as they live in the URL: parsed leniently (a stale bookmark shows the default view rather
// than an error) and written back, so a view can be bookmarked and shared.
import { applicationStates, documentTypes, type ApplicationState } from '@/lib/vocabulary';
import { z } from '@/lib/validation';

export const queueSorts = ['oldest', 'newest', 'activity'] as const;
export const assignedFilters = ['me', 'nobody', 'anyone'] as const;
export type QueueSort = (typeof queueSorts)[number];

export type QueueFilters = {
  /** 'open' (submitted, in review, awaiting the applicant) unless a single state or 'all' is chosen. */
  state: ApplicationState | 'open' | 'all';
  country?: string;
  documentType?: (typeof documentTypes)[number];
  assigned?: (typeof assignedFilters)[number];
  /** Only applications more than this many business days old. */
  olderThan?: number;
  q?: string;
  sort: QueueSort;
  after?: string;
};

const field = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional()).catch(undefined);

const schema = z.object({
  state: z.enum([...applicationStates, 'open', 'all']).catch('open').default('open'),
  country: field(z.string().regex(/^[A-Z]{2}$/)),
  documentType: field(z.enum(documentTypes)),
  assigned: field(z.enum(assignedFilters)),
  olderThan: field(z.coerce.number().int().min(0).max(365)),
  q: field(z.string().trim().min(1).max(100)),
  sort: z.enum(queueSorts).catch('oldest').default('oldest'),
  after: field(z.string().max(200).regex(/^[\w-]+$/)),
});

type Params = Record<string, string | string[] | undefined>;

export function parseQueueFilters(params: Params): QueueFilters {
  const single = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return schema.parse(single) as QueueFilters;
}

/** The query string of a view; defaults are left out so URLs stay short. */
export function queueQuery(filters: Partial<QueueFilters>): string {
  const params = new URLSearchParams();
  if (filters.state && filters.state !== 'open') params.set('state', filters.state);
  if (filters.country) params.set('country', filters.country);
  if (filters.documentType) params.set('documentType', filters.documentType);
  if (filters.assigned) params.set('assigned', filters.assigned);
  if (filters.olderThan !== undefined) params.set('olderThan', String(filters.olderThan));
  if (filters.q) params.set('q', filters.q);
  if (filters.sort && filters.sort !== 'oldest') params.set('sort', filters.sort);
  if (filters.after) params.set('after', filters.after);
  const s = params.toString();
  return s ? `?${s}` : '';
}

const REFERENCE = /^(?:IM)?-?([2-9A-HJKMNP-TW-Z]{4})-?([2-9A-HJKMNP-TW-Z]{4})$/;

/** A search text that is a reference number (with or without the dashes), written the canonical way. */
export function asReference(q: string): string | null {
  const m = REFERENCE.exec(q.trim().toUpperCase());
  return m ? `IM-${m[1]}-${m[2]}` : null;
}
