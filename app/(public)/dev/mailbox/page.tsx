import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { listMailbox } from '@/lib/email/mailbox';
import { env } from '@/lib/env';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

export const generateMetadata = () => titledBy('mailbox.heading');

export default async function MailboxPage() {
  if (!env().isDemo) notFound();
  const [t, format, emails] = await Promise.all([getTranslations('mailbox'), getFormatter(), listMailbox(getDb())]);
  return (
    <>
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      {emails.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('sent')}</th>
                <th scope="col">{t('to')}</th>
                <th scope="col">{t('subject')}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((e) => (
                <tr key={e.id}>
                  <td>{format.dateTime(e.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                  <td>{e.to}</td>
                  <td>
                    <Link href={`/dev/mailbox/${e.id}`}>{e.subject}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
