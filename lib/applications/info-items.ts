// What a caseworker can ask the applicant for: a photo, a corrected field or an answer to a question. Shared by the
// request form in the browser, the caseworker's action and the applicant's answer. Client-safe: no server imports.
import { z } from '@/lib/validation';
import { documentKinds } from '@/lib/vocabulary';

/** Fields an applicant can be asked to correct. */
export const correctableFields = ['givenNames', 'familyName', 'dateOfBirth', 'cpr', 'nationality', 'documentNumber', 'documentExpiry', 'email', 'phone'] as const;
export type CorrectableField = (typeof correctableFields)[number];

export const infoItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('photo'), target: z.enum(documentKinds) }),
  z.object({ type: z.literal('field'), target: z.enum(correctableFields) }),
  z.object({ type: z.literal('question') }),
]);
export type InfoItem = z.infer<typeof infoItemSchema>;
