// "Your data": a copy of what the service holds about one eID identifier (GDPR Art. 15), as JSON with labels in the
// person's language. It holds what the person gave or received: eID attributes, links, the relying parties' look-ups,
// matching attempts (outcome only, never which rule or register field decided), applications with the history the
// applicant is shown, and the emails sent. Never staff names, internal notes, register data or other persons' records.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { applicationEvents, applications, documents, eidIdentities, emailOutbox, identityLinks, infoRequests, matchAttempts } from '@/db/schema';
import { applicantHistoryTypes } from '@/lib/applications/status';
import type { Db, DbOrTx } from '@/lib/db';
import { buildEmail, isTemplateName } from '@/lib/email/templates';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { countryName } from '@/lib/identity/countries';
import type { AttemptOutcome } from '@/lib/linking/attempts';
import { maskedCpr } from '@/lib/matching';
import { decrypt, decryptJson } from '@/lib/security/crypto';
import { enforce } from '@/lib/security/rate-limit';
import { listOwnLookups } from './overview';

type Row = Record<string, unknown>;

/**
 * The outcome as the journey told the person: a link, or the one neutral "not matched" whatever the reason, so the
 * copy reveals no more about the register (not even whether a CPR number exists) than the journey did.
 */
export function outcomeShown(outcome: AttemptOutcome): 'linked' | 'alreadyLinked' | 'notMatched' | 'limited' {
  if (outcome === 'match') return 'linked';
  if (outcome === 'already_linked') return 'alreadyLinked';
  if (outcome === 'rate_limited') return 'limited';
  return 'notMatched';
}

/** Who removed a link, as `revoked_by` records it; staff are never named. */
function removedBy(revokedBy: string | null): 'person' | 'service' | 'agency' {
  if (revokedBy?.startsWith('applicant:')) return 'person';
  if (revokedBy?.startsWith('relying_party:')) return 'service';
  return 'agency';
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Copies one person may download in an hour; one address may fetch three times as many (a shared connection). */
export const COPIES_PER_HOUR = 20;

/** Counts a download of the copy against the person's and the address's hourly limits (429 when either is spent). */
export async function limitDataCopies(db: Db, personIdentifier: string, ip: string): Promise<void> {
  await enforce(db, `connection:data:${personIdentifier}`, COPIES_PER_HOUR, 3600);
  await enforce(db, `connection:data:ip:${ip}`, COPIES_PER_HOUR * 3, 3600);
}

export async function buildDataCopy(db: DbOrTx, personIdentifier: string, locale: Locale, now = new Date()): Promise<Row> {
  const t = translator(locale, 'connection.data');
  const ts = translator(locale, 'status');
  const country = (code: string) => countryName(locale, code);

  const [logins, links, lookups, attempts, apps, emails] = await Promise.all([
    db.select().from(eidIdentities).where(eq(eidIdentities.personIdentifier, personIdentifier)).orderBy(asc(eidIdentities.receivedAt)),
    db.select().from(identityLinks).where(eq(identityLinks.personIdentifier, personIdentifier)).orderBy(asc(identityLinks.createdAt)),
    listOwnLookups(db, personIdentifier),
    db
      .select({ at: matchAttempts.createdAt, method: matchAttempts.method, outcome: matchAttempts.outcome })
      .from(matchAttempts)
      .where(eq(matchAttempts.personIdentifier, personIdentifier))
      .orderBy(asc(matchAttempts.createdAt)),
    db.select().from(applications).where(eq(applications.personIdentifier, personIdentifier)).orderBy(asc(applications.submittedAt)),
    db
      .select({ to: emailOutbox.toAddress, template: emailOutbox.template, locale: emailOutbox.locale, dataEnc: emailOutbox.dataEnc, status: emailOutbox.status, queuedAt: emailOutbox.createdAt, sentAt: emailOutbox.sentAt })
      .from(emailOutbox)
      .where(eq(emailOutbox.personIdentifier, personIdentifier))
      .orderBy(asc(emailOutbox.createdAt)),
  ]);

  const appIds = apps.map((a) => a.id);
  const [events, requests, photos] = appIds.length
    ? await Promise.all([
        db
          .select({ applicationId: applicationEvents.applicationId, type: applicationEvents.type, at: applicationEvents.createdAt })
          .from(applicationEvents)
          .where(and(inArray(applicationEvents.applicationId, appIds), inArray(applicationEvents.type, [...applicantHistoryTypes])))
          .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id)),
        db
          .select({ applicationId: infoRequests.applicationId, createdAt: infoRequests.createdAt, message: infoRequests.message, answeredAt: infoRequests.answeredAt, answerMessage: infoRequests.answerMessage })
          .from(infoRequests)
          .where(inArray(infoRequests.applicationId, appIds))
          .orderBy(asc(infoRequests.createdAt)),
        db
          .select({ applicationId: documents.applicationId, kind: documents.kind, round: documents.round, createdAt: documents.createdAt, deletedAt: documents.deletedAt })
          .from(documents)
          .where(inArray(documents.applicationId, appIds))
          .orderBy(asc(documents.round), asc(documents.createdAt)),
      ])
    : [[], [], []];

  const emailSubject = (e: (typeof emails)[number]) => {
    if (!isTemplateName(e.template)) return e.template;
    try {
      return buildEmail(e.template, e.locale, decryptJson<Record<string, string>>(e.dataEnc)).subject;
    } catch {
      return e.template;
    }
  };

  return {
    [t('about.label')]: t('about.text'),
    [t('about.created')]: now.toISOString(),
    [t('about.identifier')]: personIdentifier,
    [t('logins.label')]: logins.map((l) => ({
      [t('logins.receivedAt')]: l.receivedAt.toISOString(),
      [t('logins.country')]: country(l.country),
      [t('logins.givenNames')]: l.givenNames,
      [t('logins.familyName')]: l.familyName,
      [t('logins.dateOfBirth')]: l.dateOfBirth,
      [t('logins.birthName')]: l.birthName,
      [t('logins.gender')]: l.gender ? t(`gender.${l.gender}`) : null,
      [t('logins.levelOfAssurance')]: t(`assurance.${l.levelOfAssurance}`),
    })),
    [t('links.label')]: links.map((l) => ({
      [t('links.connectedAt')]: l.createdAt.toISOString(),
      [t('links.method')]: t(`method.${l.method}`),
      [t('links.cpr')]: maskedCpr(decrypt(l.cprEnc)),
      [t('links.email')]: l.email,
      [t('links.removedAt')]: iso(l.revokedAt),
      [t('links.removedBy')]: l.revokedAt ? t(`removedBy.${removedBy(l.revokedBy)}`) : null,
    })),
    [t('lookups.label')]: lookups.map((l) => ({
      [t('lookups.at')]: l.at.toISOString(),
      [t('lookups.service')]: l.service,
      [t('lookups.answer')]: t(l.found ? 'lookups.connected' : 'lookups.notConnected'),
      [t('lookups.cprShown')]: t(l.cprShown ? 'yes' : 'no'),
    })),
    [t('attempts.label')]: attempts.map((a) => ({
      [t('attempts.at')]: a.at.toISOString(),
      [t('attempts.method')]: t(`attempts.methods.${a.method}`),
      [t('attempts.outcome')]: t(`attempts.outcomes.${outcomeShown(a.outcome)}`),
    })),
    [t('applications.label')]: apps.map((a) => ({
      [t('applications.reference')]: a.reference,
      [t('applications.status')]: ts(`state.${a.state}.heading`),
      [t('applications.submittedAt')]: a.submittedAt.toISOString(),
      [t('applications.decidedAt')]: iso(a.decidedAt),
      [t('applications.typed')]: {
        [t('applications.country')]: country(a.country),
        [t('applications.documentType')]: t(`applications.documentTypes.${a.documentType}`),
        [t('applications.givenNames')]: a.givenNames,
        [t('applications.familyName')]: a.familyName,
        [t('applications.dateOfBirth')]: a.dateOfBirth,
        [t('applications.nationality')]: country(a.nationality),
        [t('applications.documentNumber')]: a.documentNumber,
        [t('applications.documentExpiry')]: a.documentExpiry,
        [t('applications.cpr')]: maskedCpr(decrypt(a.cprEnc)),
        [t('applications.email')]: a.email,
        [t('applications.phone')]: a.phone,
      },
      [t('applications.decision')]:
        a.state === 'rejected' ? { [t('applications.reason')]: a.rejectReason ? ts(`rejectReason.${a.rejectReason}`) : null, [t('applications.explanation')]: a.decisionText } : null,
      [t('applications.history')]: events
        .filter((e) => e.applicationId === a.id)
        .map((e) => ({ [t('applications.at')]: e.at.toISOString(), [t('applications.event')]: ts(`history.${e.type}`) })),
      [t('applications.requests')]: requests
        .filter((r) => r.applicationId === a.id)
        .map((r) => ({
          [t('applications.askedAt')]: r.createdAt.toISOString(),
          [t('applications.askedMessage')]: r.message,
          [t('applications.answeredAt')]: iso(r.answeredAt),
          [t('applications.answerMessage')]: r.answerMessage,
        })),
      [t('applications.photos')]: photos
        .filter((p) => p.applicationId === a.id)
        .map((p) => ({
          [t('applications.photoKind')]: ts(`photos.kind.${p.kind}`),
          [t('applications.sentAt')]: p.createdAt.toISOString(),
          [t('applications.photoDeletedAt')]: iso(p.deletedAt),
        })),
    })),
    [t('emails.label')]: emails.map((e) => ({
      [t('emails.queuedAt')]: e.queuedAt.toISOString(),
      [t('emails.sentAt')]: iso(e.sentAt),
      [t('emails.to')]: e.to,
      [t('emails.subject')]: emailSubject(e),
      [t('emails.status')]: t(`emails.statuses.${e.status}`),
    })),
  };
}

/** The file name of the copy, e.g. identity-matching-data-2026-12-01.json. */
export function dataCopyFileName(now = new Date()): string {
  return `identity-matching-data-${now.toISOString().slice(0, 10)}.json`;
}

