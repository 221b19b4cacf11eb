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
  'staff-invite': (t, d) => ({
    subject: t('staff-invite.subject'),
    heading: t('staff-invite.heading'),
    paragraphs: [t('staff-invite.intro', { name: d.name ?? '', role: d.role ?? '' }), t('staff-invite.body'), t('staff-invite.ignore')],
    action: { label: t('staff-invite.action'), href: d.link ?? '' },
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
