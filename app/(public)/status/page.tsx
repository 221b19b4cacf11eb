import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { getApplicantStatus } from '@/lib/applications/status';
import { findByStatusToken, STATUS_COOKIE } from '@/lib/applications/status-token';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { NeedsJavaScript } from '@/components/needs-javascript';
import { LinkOpener } from './_components/link-opener';
import { StatusView } from './_components/status-view';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return titledBy('status.pageTitle');
}

export default async function StatusPage() {
  const db = getDb();
  const token = (await cookies()).get(STATUS_COOKIE)?.value;
  const found = token ? await findByStatusToken(db, token) : null;
  const status = found?.ok ? await getApplicantStatus(db, found.applicationId) : null;
  // The token arrives in the link's fragment, which only the browser sees: LinkOpener exchanges it for the cookie.
  return (
    <>
      {status ? null : <NeedsJavaScript what="page" />}
      <LinkOpener sessionProblem={found && !found.ok ? found.reason : null}>
        {status ? <StatusView status={status} locale={(await getLocale()) as Locale} /> : null}
      </LinkOpener>
    </>
  );
}
