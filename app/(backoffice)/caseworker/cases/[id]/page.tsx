import Link from 'next/link';
import { notFound } from 'next/navigation';
import { eq } from 'drizzle-orm';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { applications } from '@/db/schema';
import { currentStaff, requireStaffPage } from '@/lib/auth';
import { roleCan } from '@/lib/auth/roles';
import { applicationAge } from '@/lib/cases/age';
import { listAssignableStaff } from '@/lib/cases/assignments';
import { getCaseView } from '@/lib/cases/case-view';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { z } from '@/lib/validation';
import { KeyboardShortcuts } from '../../_components/keyboard-shortcuts';
import { TakeNextButton } from '../../_components/take-next-button';
import { AssignmentPanel } from './_components/assignment-panel';
import { CaseOutcome } from './_components/case-outcome';
import { ComparisonSection } from './_components/comparison-section';
import { DecisionPanel } from './_components/decision-panel';
import { DocumentViewer } from './_components/document-viewer';
import { HistorySection } from './_components/history-section';
import { InfoRequests } from './_components/info-requests';
import { NotesPanel } from './_components/notes-panel';
import { RelatedSection } from './_components/related-section';
import { titled } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

async function load(id: string, staff: Awaited<ReturnType<typeof requireStaffPage>>) {
  try {
    return await getCaseView(getDb(), id, staff);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

/** "Case IM-…" for staff who may open cases; anyone else gets "Case" (the page itself sends them to sign in). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t, staff] = await Promise.all([params, getTranslations('caseworker.case'), currentStaff()]);
  if (!staff || !roleCan(staff.role, 'caseworker') || !z.uuid().safeParse(id).success) return titled(t('title'));
  const [row] = await getDb().select({ reference: applications.reference }).from(applications).where(eq(applications.id, id));
  return titled(row ? t('heading', { reference: row.reference }) : t('title'));
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage('caseworker', `/caseworker/cases/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const view = await load(id, staff);
  const [t, format, locale, assignable] = await Promise.all([
    getTranslations('caseworker'),
    getFormatter(),
    getLocale(),
    view.permissions.reassign ? listAssignableStaff(getDb()) : Promise.resolve([]),
  ]);
  const app = view.application;
  const targetDays = env().SERVICE_TARGET_DAYS;
  const age = applicationAge(app.submittedAt, new Date(), targetDays);
  return (
    <div className="caseworker case-page">
      <p>
        <Link href="/caseworker" className="back-link">
          {t('case.back')}
        </Link>
      </p>
      <h1>{t('case.heading', { reference: app.reference })}</h1>
      <dl className="case-summary" data-testid="case-summary">
        <div>
          <dt>{t('case.state')}</dt>
          <dd data-testid="case-state">{t(`states.${app.state}`)}</dd>
        </div>
        <div>
          <dt>{t('case.assignedTo')}</dt>
          <dd>{view.assignee ? (view.assignee.id === staff.id ? t('queue.you') : view.assignee.name) : t('queue.nobody')}</dd>
        </div>
        <div>
          <dt>{t('case.submitted')}</dt>
          <dd>{format.dateTime(app.submittedAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
        </div>
        <div>
          <dt>{t('case.age')}</dt>
          <dd className={age.overTarget ? 'age-overdue' : undefined}>
            {t('queue.ageDays', { days: age.days })}
            {age.overTarget ? <span className="badge badge-warning"> {t('queue.overTarget', { days: targetDays })}</span> : null}
          </dd>
        </div>
      </dl>
      <div className="case-toolbar">
        <AssignmentPanel
          applicationId={app.id}
          version={app.version}
          permissions={view.permissions}
          assignable={assignable}
          currentAssignee={view.assignee?.id ?? ''}
        />
        <TakeNextButton />
        <KeyboardShortcuts page="case" />
      </div>
      <CaseOutcome view={view} />
      <div className="case-grid">
        <div className="case-main">
          <ComparisonSection view={view} locale={locale} />
          <section aria-labelledby="documents-heading" className="case-section">
            <h2 id="documents-heading">{t('documents.heading')}</h2>
            <DocumentViewer documents={view.documents.map((d) => ({ id: d.id, kind: d.kind, round: d.round, qualityHints: d.qualityHints }))} />
          </section>
          <InfoRequests requests={view.infoRequests} />
          <RelatedSection view={view} />
        </div>
        <div className="case-side">
          {view.permissions.decide ? (
            <DecisionPanel
              applicationId={app.id}
              version={app.version}
              documentType={app.documentType}
              override={view.permissions.override}
              otherOpenForCpr={view.otherOpenForCpr}
              approval={
                view.permissions.approveBlockedBy || !app.personIdentifier || !view.register
                  ? { blockedBy: view.permissions.approveBlockedBy ?? 'notInRegister' }
                  : {
                      personIdentifier: app.personIdentifier,
                      // The last four digits stay hidden: the confirmation is about which person, not a copy of the number.
                      maskedCpr: `${app.cpr.slice(0, 6)}-xxxx`,
                      registerName: [view.register.givenNames, view.register.middleName, view.register.familyName].filter(Boolean).join(' '),
                    }
              }
            />
          ) : null}
          <NotesPanel applicationId={app.id} notes={view.notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() }))} />
        </div>
      </div>
      <HistorySection history={view.history} />
    </div>
  );
}
