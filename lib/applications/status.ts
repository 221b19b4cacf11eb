// What the applicant sees behind the status link: reference, state, the history in plain words, their own
// thumbnails, and an open request for more information. Never staff names, notes, register data or the CPR number.
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { applicationEvents, applications, documents } from '@/db/schema';
import type { ApplicationState } from '@/lib/vocabulary';
import type { Db } from '@/lib/db';
import { findOpenInfoRequest, type InfoRequestItem } from './request-info';
import type { DocumentKind } from './schema';
import { nextState } from './states';

/** The history events an applicant is shown; everything else (document views, notes, assignments) is internal. */
export const applicantHistoryTypes = ['submitted', 'taken', 'released', 'info_requested', 'answered', 'approved', 'rejected', 'withdrawn', 'expired'] as const;
export type ApplicantHistoryType = (typeof applicantHistoryTypes)[number];

export type ApplicantStatus = {
  id: string;
  reference: string;
  state: ApplicationState;
  version: number;
  documentType: 'passport' | 'id_card';
  submittedAt: Date;
  canWithdraw: boolean;
  rejectReason: string | null;
  decisionText: string | null;
  history: { type: ApplicantHistoryType; at: Date }[];
  documents: { id: string; kind: DocumentKind; round: number }[];
  openRequest: { id: string; message: string; items: InfoRequestItem[]; createdAt: Date } | null;
  /** Current values for the correction form (the CPR number is never shown back). */
  current: { givenNames: string; familyName: string; dateOfBirth: string; nationality: string; documentNumber: string; documentExpiry: string; email: string; phone: string | null };
};

export async function getApplicantStatus(db: Db, applicationId: string): Promise<ApplicantStatus | null> {
  const [app] = await db.select().from(applications).where(eq(applications.id, applicationId));
  if (!app) return null;
  const [events, docs, request] = await Promise.all([
    db
      .select({ type: applicationEvents.type, at: applicationEvents.createdAt })
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, applicationId), inArray(applicationEvents.type, [...applicantHistoryTypes])))
      .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id)),
    db
      .select({ id: documents.id, kind: documents.kind, round: documents.round })
      .from(documents)
      .where(and(eq(documents.applicationId, applicationId), isNull(documents.deletedAt)))
      .orderBy(asc(documents.round), asc(documents.createdAt)),
    app.state === 'awaiting_applicant' ? findOpenInfoRequest(db, applicationId) : Promise.resolve(null),
  ]);
  return {
    id: app.id,
    reference: app.reference,
    state: app.state,
    version: app.version,
    documentType: app.documentType,
    submittedAt: app.submittedAt,
    canWithdraw: nextState(app.state, 'withdraw') !== null,
    rejectReason: app.state === 'rejected' ? app.rejectReason : null,
    decisionText: app.state === 'rejected' ? app.decisionText : null,
    history: events.map((e) => ({ type: e.type as ApplicantHistoryType, at: e.at })),
    documents: docs,
    openRequest: request ? { id: request.id, message: request.message, items: request.items as InfoRequestItem[], createdAt: request.createdAt } : null,
    current: {
      givenNames: app.givenNames,
      familyName: app.familyName,
      dateOfBirth: app.dateOfBirth,
      nationality: app.nationality,
      documentNumber: app.documentNumber,
      documentExpiry: app.documentExpiry,
      email: app.email,
      phone: app.phone,
    },
  };
}

/** The thumbnail key of a photo that belongs to this application (attached, or sent with an answer not yet sent). */
export async function findOwnThumbnail(db: Db, applicationId: string, documentId: string): Promise<string | null> {
  const [row] = await db
    .select({ thumbKey: documents.thumbKey })
    .from(documents)
    .where(and(eq(documents.id, documentId), isNull(documents.deletedAt), or(eq(documents.applicationId, applicationId), and(isNull(documents.applicationId), eq(documents.pendingApplicationId, applicationId)))));
  return row?.thumbKey ?? null;
}
