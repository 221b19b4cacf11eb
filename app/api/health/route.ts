// Health: the database, storage and the email worker, for the load balancer and monitoring; anyone may ask.
import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/health';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ who: 'anyone' }, async () => {
  const report = await checkHealth();
  return NextResponse.json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
});
