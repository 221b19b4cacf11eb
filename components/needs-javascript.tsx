// Shown only when the browser runs no script (turned off, or a phone on a bad network whose script has not loaded):
// what on the page needs JavaScript and what to do. Pages that work without it do not show it.
import { getTranslations } from 'next-intl/server';

export async function NeedsJavaScript({ what }: { what: 'page' | 'connectionActions' }) {
  const t = await getTranslations('noScript');
  return (
    <noscript>
      <div className="alert alert-warning" data-testid="needs-javascript">
        <div className="alert-body">
          <p className="alert-text">{t(what)}</p>
        </div>
      </div>
    </noscript>
  );
}
