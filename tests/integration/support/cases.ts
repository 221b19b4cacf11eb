// Applications in a given state, reached through the service functions (never a route and never a raw UPDATE),
// as a caseworker would move them.
import { users } from '@/db/schema';
import { requestMoreInformation } from '@/lib/applications/request-info';
import type { Staff } from '@/lib/auth';
import type { InfoItem } from '@/lib/cases/decision-schemas';
import { submitApplication } from '@/lib/applications/submit';
import { applyTransition } from '@/lib/applications/transition';
import { getDb } from '@/lib/db';
import { findJourney } from '@/lib/journey';
import type { ApplicantJourney } from '@/lib/applications/access';
import { applicantJourney, uploadPhoto, validValues } from './applicant';
import { latestStatusToken } from './mail';

export async function caseworker(): Promise<string> {
  const [user] = await getDb()
    .insert(users)
    .values({ email: `caseworker-${crypto.randomUUID()}@demo.example`, name: 'Camilla Caseworker', role: 'caseworker' })
    .returning({ id: users.id });
  return user!.id;
}

/** A freshly submitted passport application; the status token is read from the receipt email's link. */
export async function submittedApplication(overrides: Record<string, unknown> = {}) {
  const applicant = await applicantJourney();
  const photo = await uploadPhoto(applicant.cookie);
  const db = getDb();
  const journey = (await findJourney(db, applicant.journeyId)) as ApplicantJourney;
  const result = await submitApplication(db, { journey, idempotencyKey: crypto.randomUUID(), values: validValues({ passport_photo: photo }, overrides), locale: 'en' });
  return { ...applicant, ...result, photo, token: await latestStatusToken(result.reference) };
}

/** A caseworker as the back-office's service functions see one. */
export function staffMember(id: string): Staff {
  return { id, email: 'caseworker@example.dk', name: 'Case Worker', role: 'caseworker', sessionId: 'test-session' };
}

export async function takeCase(applicationId: string, staffId: string) {
  return getDb().transaction((tx) => applyTransition(tx, { applicationId, transition: 'take', actor: { type: 'staff', id: staffId }, set: { assignedTo: staffId, assignedAt: new Date() } }));
}

/** Submitted → in review → awaiting the applicant, through the same service the back-office calls. */
export async function awaitingApplicant(items: unknown, message = 'Please send a sharper photo of your passport and check your family name.') {
  const app = await submittedApplication();
  const staffId = await caseworker();
  const taken = await takeCase(app.applicationId, staffId);
  const result = await requestMoreInformation(getDb(), { applicationId: app.applicationId, staff: staffMember(staffId), expectedVersion: taken.version, items: items as InfoItem[], message });
  return { ...app, staffId, ...result, token: await latestStatusToken(app.reference), oldToken: app.token };
}
