// Email templates: each one builds subject, paragraphs and an optional action link from the message catalogues.
// Templates take only what they show; no CPR number is ever passed to or printed by a template.
import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from '@react-email/components';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';

type T = ReturnType<typeof translator>;
export type EmailContent = { subject: string; heading: string; paragraphs: string[]; action?: { label: string; href: string } };
type TemplateFn = (t: T, data: Record<string, string>) => EmailContent;

/** The registry: add a template here and its texts under `email.<name>` in both catalogues. */
export const templates = {
  test: (t, d) => ({ subject: t('test.subject'), heading: t('test.heading'), paragraphs: [t('test.body', { name: d.name ?? '' })] }),
  // The manual application (reference, status link; never a CPR number).
  applicationReceived: (t, d) => ({
    subject: t('applicationReceived.subject', { reference: d.reference ?? '' }),
    heading: t('applicationReceived.heading'),
    paragraphs: [
      t('applicationReceived.greeting', { name: d.name ?? '' }),
      t('applicationReceived.reference', { reference: d.reference ?? '' }),
      t('applicationReceived.next', { days: d.days ?? '5' }),
      t('applicationReceived.link'),
    ],
    action: { label: t('applicationReceived.action'), href: d.statusUrl ?? '' },
  }),
  applicationAnswerReceived: (t, d) => ({
    subject: t('applicationAnswerReceived.subject', { reference: d.reference ?? '' }),
    heading: t('applicationAnswerReceived.heading'),
    paragraphs: [t('applicationAnswerReceived.body', { reference: d.reference ?? '' })],
  }),
  'info-reminder': (t, d) => ({
    subject: t('info-reminder.subject', { reference: d.reference ?? '' }),
    heading: t('info-reminder.heading'),
    paragraphs: [t('info-reminder.body', { reference: d.reference ?? '', days: d.days ?? '' }), t('info-reminder.link')],
    action: d.statusUrl ? { label: t('info-reminder.action'), href: d.statusUrl } : undefined,
  }),
  'status-link': (t, d) => ({
    subject: t('status-link.subject', { reference: d.reference ?? '' }),
    heading: t('status-link.heading'),
    paragraphs: [t('status-link.body', { reference: d.reference ?? '' }), t('status-link.link')],
    action: { label: t('status-link.action'), href: d.statusUrl ?? '' },
  }),
  'application-expired': (t, d) => ({
    subject: t('application-expired.subject', { reference: d.reference ?? '' }),
    heading: t('application-expired.heading'),
    paragraphs: [t('application-expired.body', { reference: d.reference ?? '' }), t('application-expired.again')],
  }),
  applicationWithdrawn: (t, d) => ({
    subject: t('applicationWithdrawn.subject', { reference: d.reference ?? '' }),
    heading: t('applicationWithdrawn.heading'),
    paragraphs: [t('applicationWithdrawn.body', { reference: d.reference ?? '' }), t('applicationWithdrawn.again')],
  }),
  link_created: (t, d) => ({
    subject: t('link_created.subject'),
    heading: t('link_created.heading'),
    paragraphs: [
      t('link_created.greeting', { name: d.name ?? '' }),
      t(d.method === 'mitid' ? 'link_created.bodyMitid' : 'link_created.bodyAuto'),
      t('link_created.use'),
      t('link_created.notYou'),
    ],
    action: d.connectionUrl ? { label: t('link_created.action'), href: d.connectionUrl } : undefined,
  }),
  // by: person | service | agency (who removed it); never a CPR number.
  link_revoked: (t, d) => ({
    subject: t('link_revoked.subject'),
    heading: t('link_revoked.heading'),
    paragraphs: [t(`link_revoked.by.${d.by === 'person' || d.by === 'service' ? d.by : 'agency'}`), t('link_revoked.again'), t('link_revoked.notYou')],
    action: d.connectionUrl ? { label: t('link_revoked.action'), href: d.connectionUrl } : undefined,
  }),
  'application-approved': (t, d) => ({
    subject: t('application-approved.subject'),
    heading: t('application-approved.heading'),
    paragraphs: [t('application-approved.body', { reference: d.reference ?? '' }), t('application-approved.next')],
    action: d.connectionUrl ? { label: t('application-approved.action'), href: d.connectionUrl } : undefined,
  }),
  'application-rejected': (t, d) => ({
    subject: t('application-rejected.subject', { reference: d.reference ?? '' }),
    heading: t('application-rejected.heading'),
    paragraphs: [
      t('application-rejected.body', { reference: d.reference ?? '' }),
      t('application-rejected.reason', { reason: t(`application-rejected.reasons.${d.reason ?? 'other'}`) }),
      ...(d.text ? [t('application-rejected.explanation', { text: d.text })] : []),
      t('application-rejected.next'),
    ],
  }),
  // items: codes like "photo:passport_photo;field:familyName;question", translated here in the applicant's language.
  'info-requested': (t, d) => ({
    subject: t('info-requested.subject', { reference: d.reference ?? '' }),
    heading: t('info-requested.heading'),
    paragraphs: [
      t('info-requested.body', { reference: d.reference ?? '' }),
      ...(d.items ?? '').split(';').filter(Boolean).map((code) => `• ${t(`info-requested.items.${code.replace(':', '.')}`)}`),
      ...(d.message ? [t('info-requested.message', { message: d.message })] : []),
      t('info-requested.deadline'),
    ],
    action: d.statusUrl ? { label: t('info-requested.action'), href: d.statusUrl } : undefined,
  }),
  'staff-invite': (t, d) => ({
    subject: t('staff-invite.subject'),
    heading: t('staff-invite.heading'),
    paragraphs: [t('staff-invite.intro', { name: d.name ?? '', role: d.role ?? '' }), t('staff-invite.body'), t('staff-invite.ignore')],
    action: { label: t('staff-invite.action'), href: d.link ?? '' },
  }),
  // Sent to a staff member when failed sign-ins locked their account (no address or other detail of the attempts).
  'staff-account-locked': (t, d) => ({
    subject: t('staff-account-locked.subject'),
    heading: t('staff-account-locked.heading'),
    paragraphs: [t('staff-account-locked.body', { name: d.name ?? '', minutes: d.minutes ?? '' }), t('staff-account-locked.you'), t('staff-account-locked.notYou')],
  }),
} satisfies Record<string, TemplateFn>;

export type TemplateName = keyof typeof templates;

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

export function buildEmail(template: TemplateName, locale: Locale, data: Record<string, string>): EmailContent {
  return templates[template](translator(locale, 'email'), data);
}

export function EmailDocument({ content, locale }: { content: EmailContent; locale: Locale }) {
  const t = translator(locale, 'email');
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{content.subject}</Preview>
      <Body style={{ fontFamily: 'IBM Plex Sans, Arial, sans-serif', color: '#1a1a1a', backgroundColor: '#ffffff' }}>
        <Container style={{ maxWidth: '600px', padding: '24px' }}>
          <Heading as="h1" style={{ fontSize: '24px' }}>
            {content.heading}
          </Heading>
          {content.paragraphs.map((p, i) => (
            <Text key={i} style={{ fontSize: '16px', lineHeight: '24px' }}>
              {p}
            </Text>
          ))}
          {content.action ? (
            <Button href={content.action.href} style={{ backgroundColor: '#0059b3', color: '#ffffff', padding: '12px 20px', borderRadius: '4px' }}>
              {content.action.label}
            </Button>
          ) : null}
          <Hr />
          <Text style={{ fontSize: '13px', color: '#555' }}>{t('footer')}</Text>
        </Container>
      </Body>
    </Html>
  );
}
