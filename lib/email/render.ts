// Turns an outbox row's template and data into subject, HTML and plain text.
import { render, toPlainText } from '@react-email/components';
import { createElement } from 'react';
import type { Locale } from '@/lib/i18n/config';
import { buildEmail, EmailDocument, isTemplateName } from './templates';

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail(template: string, locale: Locale, data: Record<string, string>): Promise<RenderedEmail> {
  if (!isTemplateName(template)) throw new Error(`unknown email template: ${template}`);
  const content = buildEmail(template, locale, data);
  const html = await render(createElement(EmailDocument, { content, locale }));
  return { subject: content.subject, html, text: toPlainText(html) };
}
