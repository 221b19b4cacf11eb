// CSV downloads of the dashboard's tables and of the applications of a period (supervisors and admins).
import { getReadDb, getSql } from '@/lib/db';
import { forbidden, invalidInput, notFound } from '@/lib/errors';
import { route } from '@/lib/http/route';
import { requestLocale } from '@/lib/i18n/server';
import { exportApplications, exportDashboardTable } from '@/lib/stats/export';
import { parseRange } from '@/lib/stats/range';
import { isTableId } from '@/lib/stats/tables';

export const dynamic = 'force-dynamic';

const headers = (filename: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${filename}"`,
  'cache-control': 'no-store',
});

export const GET = route<{ staff: 'supervisor' }, undefined, { table: string }>({ who: { staff: 'supervisor' } }, async ({ req, db, caller: staff, params: { table } }) => {
  // A download is recorded as an export: another site must not be able to trigger one with the user's cookies. (A
  // download link is a GET: only a cross-site one is refused, not `sameOrigin`, which is the rule for posts.)
  if (req.headers.get('sec-fetch-site') === 'cross-site') throw forbidden();
  if (table !== 'applications' && !isTableId(table)) throw notFound();
  const { range, errors } = parseRange(Object.fromEntries(req.nextUrl.searchParams));
  if (errors) throw invalidInput(errors);
  const locale = requestLocale(req);

  if (table === 'applications') {
    const file = await exportApplications(db, getSql(), staff, range, locale);
    return new Response(file.stream, { headers: headers(file.filename) });
  }
  const file = await exportDashboardTable(db, staff, table, range, locale, new Date(), getReadDb());
  return new Response(file.body, { headers: headers(file.filename) });
});
