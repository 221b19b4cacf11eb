'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useFormatter, useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { messageKey, noteSchema } from '@/lib/cases/decision-schemas';
import type { z } from '@/lib/validation';
import { addNoteAction } from '../../../actions';
import { ActionFailureAlert } from './action-failure';
import { FieldError } from './field-error';
import { useCaseAction } from './use-case-action';

type Note = { id: string; body: string; author: string; createdAt: string };

/** Internal notes: for staff only, never shown or sent to the applicant. */
export function NotesPanel({ applicationId, notes }: { applicationId: string; notes: Note[] }) {
  const t = useTranslations('caseworker.notes');
  const tr = useTranslations();
  const format = useFormatter();
  const { pending, failure, run, reload } = useCaseAction();
  const form = useForm<z.input<typeof noteSchema>, unknown, z.output<typeof noteSchema>>({
    resolver: zodResolver(noteSchema),
    defaultValues: { applicationId, body: '' },
  });
  const bodyError = form.formState.errors.body?.message ? tr(messageKey(form.formState.errors.body.message)) : failure?.fields?.body?.[0] ? tr(messageKey(failure.fields.body[0])) : undefined;
  return (
    <section aria-labelledby="notes-heading" className="case-section">
      <h2 id="notes-heading">{t('heading')}</h2>
      <p className="form-hint">{t('intro')}</p>
      {notes.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="notes-list" data-testid="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="note-meta">{t('meta', { author: n.author, date: format.dateTime(new Date(n.createdAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
              <p className="note-body">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={form.handleSubmit((data) => run(() => addNoteAction(data), () => form.reset({ applicationId, body: '' })))}>
        <ActionFailureAlert failure={failure} onReload={reload} />
        <div className={`form-group${bodyError ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="note-body">
            {t('label')}
          </label>
          <FieldError id="note-body" message={bodyError} />
          <textarea
            className="form-input"
            id="note-body"
            rows={3}
            data-shortcut="note"
            aria-describedby={bodyError ? 'note-body-error' : undefined}
            aria-invalid={bodyError ? true : undefined}
            {...form.register('body')}
          />
        </div>
        <button type="submit" className="button button-secondary" disabled={pending}>
          {t('add')}
        </button>
      </form>
    </section>
  );
}
