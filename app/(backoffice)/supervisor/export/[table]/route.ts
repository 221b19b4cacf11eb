// CSV downloads of the dashboard's tables and of the applications of a period (supervisors and admins).
import type { NextRequest } from 'next/server';
import { requireStaff } from '@/lib/auth';
import { getDb, getReadDb, getSql } from '@/lib/db';
import { forbidden, invalidInput, notFound } from '@/lib/errors';
import { handle } from '@/lib/http';
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

export const GET = handle(async (req: NextRequest, { params }: { params: Promise<{ table: string }> }) => {
  const staff = await requireStaff('supervisor');
  // A download is recorded as an export: another site must not be able to trigger one with the user's cookies.
  if (req.headers.get('sec-fetch-site') === 'cross-site') throw forbidden();
  const { table } = await params;
  if (table !== 'applications' && !isTableId(table)) throw notFound();
  const { range, errors } = parseRange(Object.fromEntries(req.nextUrl.searchParams));
  if (errors) throw invalidInput(errors);
  const locale = requestLocale(req);

  if (table === 'applications') {
    const file = await exportApplications(getDb(), getSql(), staff, range, locale);
    return new Response(file.stream, { headers: headers(file.filename) });
  }
  const file = await exportDashboardTable(getDb(), staff, table, range, locale, new Date(), getReadDb());
  return new Response(file.body, { headers: headers(file.filename) });
});
