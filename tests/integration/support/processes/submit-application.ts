// Submits the manual application of the journey in JOURNEY_ID with the photo PHOTO_ID, as the submit route does.
import type { ApplicantJourney } from '@/lib/applications/access';
import { submitApplication } from '@/lib/applications/submit';
import { closeDb, getDb } from '@/lib/db';
import { findJourney } from '@/lib/journey';
import { validValues } from '../applicant';

const journey = (await findJourney(getDb(), process.env.JOURNEY_ID!)) as ApplicantJourney;
const result = await submitApplication(getDb(), { journey, idempotencyKey: process.env.IDEMPOTENCY_KEY!, values: validValues({ passport_photo: process.env.PHOTO_ID! }), locale: 'en' });
console.log(JSON.stringify(result));
await closeDb();
