// The input of every caseworker action, one zod schema each, shared by the forms in the browser and the server.
// Pure (no server imports) so client components can use them; messages are catalogue keys (see messageKey()).
import { documentKinds, rejectReasons } from '@/lib/vocabulary';
import { correctableFields, type InfoItem } from '@/lib/applications/info-items';
import { requiredText, z } from '@/lib/validation';

// Also catches spaced and dashed forms (01 01 90 1234, 010190–1234), so the outbox never refuses what passed here.
const CPR_LIKE = /(?<!\d)\d{2}\s?\d{2}\s?\d{2}\s?[-–]?\s?\d{4}(?!\d)/;
const textWithoutCpr = (max: number, message: string) => requiredText(max).refine((v) => !CPR_LIKE.test(v), message);
/** Free text that reaches the applicant by email must not carry a CPR number (emails never do). */
const applicantText = (max: number) => textWithoutCpr(max, 'caseworker.validation.noCpr');

export { correctableFields, infoItemSchema, type CorrectableField, type InfoItem } from '@/lib/applications/info-items';

export const caseRef = z.object({ applicationId: z.uuid(), expectedVersion: z.number().int().min(1) });

/** confirmedOthers: the caseworker has looked at the other open applications for the same CPR number. */
export const approveSchema = caseRef.extend({ confirmedOthers: z.boolean().optional() });
export const takeSchema = caseRef;
export const releaseSchema = caseRef;

export const reassignSchema = caseRef.extend({
  /** Empty: back to the queue, unassigned. */
  assignee: z.union([z.literal(''), z.string().min(1).max(100)]),
});

export const rejectSchema = caseRef.extend({
  reason: z.enum(rejectReasons, 'caseworker.validation.chooseReason'),
  text: applicantText(2000),
});

/** The request form: checkboxes for photos and fields, a free question, and the message. */
export const requestInfoSchema = caseRef
  .extend({
    photos: z.array(z.enum(documentKinds)).max(documentKinds.length).default([]),
    fields: z.array(z.enum(correctableFields)).max(correctableFields.length).default([]),
    question: z.boolean().default(false),
    message: applicantText(2000),
  })
  .refine((v) => v.photos.length + v.fields.length > 0 || v.question, { message: 'caseworker.validation.chooseItem', path: ['items'] });

export function infoItemsOf(form: { photos: readonly string[]; fields: readonly string[]; question: boolean }): InfoItem[] {
  return [
    ...form.photos.map((target) => ({ type: 'photo', target }) as InfoItem),
    ...form.fields.map((target) => ({ type: 'field', target }) as InfoItem),
    ...(form.question ? [{ type: 'question' } as InfoItem] : []),
  ];
}

/** Notes neither: the case shows the CPR number already, and a copy in free text escapes its encryption. */
export const noteSchema = z.object({ applicationId: z.uuid(), body: textWithoutCpr(4000, 'caseworker.validation.noCprInNote') });

export { messageKey } from '@/lib/validation';
