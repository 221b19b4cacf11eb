// The staff administration forms' shapes, shared by the browser forms and the server actions.
// Messages are keys of the `errors` catalogue.
import { staffRoles } from '@/lib/vocabulary';
import { email, requiredText, z } from '@/lib/validation';

export const MIN_PASSWORD_LENGTH = 12;

export const createStaffSchema = z.object({
  name: requiredText(200).regex(/^[^0-9]*$/, 'noDigits'),
  email: email.transform((v) => v.toLowerCase()),
  role: z.enum(staffRoles, 'required'),
});

export const changeRoleSchema = z.object({ role: z.enum(staffRoles, 'required') });

export const staffIdSchema = z.uuid();

export const setPasswordSchema = z
  .object({
    token: z.string().min(20, 'setPasswordLinkInvalid').max(200, 'setPasswordLinkInvalid'),
    password: z.string().min(1, 'required').min(MIN_PASSWORD_LENGTH, 'passwordTooShort').max(512, 'tooLong'),
    confirm: z.string().min(1, 'required').max(512, 'tooLong'),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'passwordsDiffer' });
