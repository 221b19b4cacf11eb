// Submitting the manual application: one transaction creates it (state `submitted`), attaches the uploaded photos,
// records the event and queues the receipt email. A retried submit with the same idempotency key returns the same one.
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { applications, documents, journeys } from '@/db/schema';
import { recordEvent } from '@/lib/audit';
import { isUniqueViolation, type Db } from '@/lib/db';
import { enqueueEmail } from '@/lib/email';
import { env } from '@/lib/env';
import { AppError, conflict } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { cprIndexColumns, encrypt } from '@/lib/security/crypto';
import { findEidIdentity } from '@/lib/linking/identities';
import type { ApplicantJourney } from './access';
import { deleteDraft } from './drafts';
import { findOpenApplication, isOpenApplicationConflict } from './open-application';
import { newReference } from './reference';
import { requiredPhotos, validateApplication } from './schema';
import { newStatusToken, statusLink } from './status-token';
import { nameSearchKey } from '@/lib/matching/search-key';

export type SubmitResult = { applicationId: string; reference: string; created: boolean };

async function findByIdempotencyKey(db: Db, key: string) {
  const [row] = await db
    .select({ id: applications.id, reference: applications.reference, eidIdentityId: applications.eidIdentityId })
    .from(applications)
    .where(eq(applications.idempotencyKey, key));
  return row ?? null;
}

function replay(journey: ApplicantJourney, row: { id: string; reference: string; eidIdentityId: string | null }): SubmitResult {
  // The same key from another eID login is not a retry: never hand out someone else's reference.
  if (row.eidIdentityId !== journey.eidIdentityId) throw conflict('application.submittedElsewhere');
  return { applicationId: row.id, reference: row.reference, created: false };
}

export async function submitApplication(
  db: Db,
  input: { journey: ApplicantJourney; idempotencyKey: string; values: unknown; locale: Locale },
): Promise<SubmitResult> {
  const existing = await findByIdempotencyKey(db, input.idempotencyKey);
  if (existing) return replay(input.journey, existing);
  try {
    return await create(db, input);
  } catch (error) {
    // A retry racing the first submit finds its photos already taken: if the first one has committed, it is the answer.
    const winner = await findByIdempotencyKey(db, input.idempotencyKey);
    if (winner) return replay(input.journey, winner);
    throw error;
  }
}

async function create(db: Db, input: { journey: ApplicantJourney; idempotencyKey: string; values: unknown; locale: Locale }): Promise<SubmitResult> {
  const { journey, idempotencyKey, locale } = input;
  const checked = validateApplication(input.values);
  if (!checked.ok) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { fields: checked.fields, step: checked.step });
  const data = checked.data;
  const identity = await findEidIdentity(db, journey.eidIdentityId);
  if (!identity) throw new AppError('FORBIDDEN', 'application.eidRequired');
  const openExists = () => conflict('application.openExists');
  if (await findOpenApplication(db, identity.personIdentifier)) throw openExists();

  const kinds = requiredPhotos[data.documentType];
  const photoIds = kinds.map((k) => data.photos[k]!);
  const owned = await db
    .select({ id: documents.id, kind: documents.kind })
    .from(documents)
    .where(and(inArray(documents.id, photoIds), eq(documents.journeyId, journey.id), isNull(documents.applicationId), isNotNull(documents.storedAt), isNull(documents.deletedAt)));
  const missing = kinds.filter((k) => !owned.some((d) => d.id === data.photos[k] && d.kind === k));
  if (missing.length) {
    throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { step: 3, fields: Object.fromEntries(missing.map((k) => [`photos.${k}`, ['application.photoMissing']])) });
  }

  const matchReasons = Array.isArray(journey.state.matchReasons) ? (journey.state.matchReasons as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  const { token, hash } = newStatusToken();

  for (let attempt = 0; ; attempt++) {
    const reference = newReference();
    try {
      return await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(applications)
          .values({
            reference,
            state: 'submitted',
            eidIdentityId: identity.id,
            personIdentifier: identity.personIdentifier,
            // The eID's country, as the broker asserted it, never what the form says: it goes onto the link.
            country: identity.country,
            documentType: data.documentType,
            givenNames: data.givenNames,
            familyName: data.familyName,
            searchName: nameSearchKey(data.givenNames, data.familyName),
            dateOfBirth: data.dateOfBirth,
            nationality: data.nationality,
            documentNumber: data.documentNumber,
            documentExpiry: data.documentExpiry,
            cprEnc: encrypt(data.cpr),
            ...cprIndexColumns(data.cpr),
            email: data.email,
            phone: data.phone ?? null,
            locale,
            matchReasons,
            statusTokenHash: hash,
            idempotencyKey,
          })
          .onConflictDoNothing({ target: applications.idempotencyKey })
          .returning({ id: applications.id, reference: applications.reference });
        if (!created) {
          // A concurrent retry with the same key won the insert: answer with its application.
          const winner = await tx.select({ id: applications.id, reference: applications.reference, eidIdentityId: applications.eidIdentityId }).from(applications).where(eq(applications.idempotencyKey, idempotencyKey));
          return replay(journey, winner[0]!);
        }
        const attached = await tx
          .update(documents)
          .set({ applicationId: created.id, round: 1 })
          .where(and(inArray(documents.id, photoIds), eq(documents.journeyId, journey.id), isNull(documents.applicationId)))
          .returning({ id: documents.id });
        if (attached.length !== photoIds.length) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { step: 3, fields: { _form: ['application.photoMissing'] } });
        await recordEvent(tx, {
          applicationId: created.id,
          actor: { type: 'applicant', id: identity.personIdentifier },
          type: 'submitted',
          data: { documentType: data.documentType, photos: kinds, matchReasons },
        });
        await enqueueEmail(tx, {
          to: data.email,
          personIdentifier: identity.personIdentifier,
          template: 'applicationReceived',
          locale,
          data: { reference: created.reference, statusUrl: statusLink(token), name: data.givenNames, days: String(env().SERVICE_TARGET_DAYS) },
        });
        await deleteDraft(tx, journey.id);
        await tx
          .update(journeys)
          .set({ state: sql`${journeys.state} || ${JSON.stringify({ applicationId: created.id })}::jsonb` })
          .where(eq(journeys.id, journey.id));
        return { applicationId: created.id, reference: created.reference, created: true };
      });
    } catch (error) {
      // References are random; on the rare collision draw another.
      if (attempt < 3 && isUniqueViolation(error, 'reference')) continue;
      // Another tab submitted for this eID identity in the meantime: the database refused a second open one.
      if (isOpenApplicationConflict(error)) throw openExists();
      throw error;
    }
  }
}

/** The reference of the application a journey already submitted, for the receipt shown after a reload. */
export async function submittedFromJourney(db: Db, journey: { state: Record<string, unknown>; eidIdentityId: string | null }) {
  const id = typeof journey.state.applicationId === 'string' ? journey.state.applicationId : null;
  if (!id) return null;
  const [row] = await db
    .select({ id: applications.id, reference: applications.reference, email: applications.email, eidIdentityId: applications.eidIdentityId })
    .from(applications)
    .where(eq(applications.id, id));
  return row && row.eidIdentityId === journey.eidIdentityId ? row : null;
}
