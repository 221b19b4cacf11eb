'use client';
// Opens the status page from the emailed link /status#<token>: the token is taken out of the address bar at once
// and exchanged for an httpOnly session cookie, so it is never in a server log, the history or a Referer.
// Without a token in the address, the page shows the session's application (children) or says how to get in.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';

type Outcome = { kind: 'opening' } | { kind: 'problem'; heading: string; message: string } | { kind: 'noLink' } | { kind: 'session' };

export function LinkOpener({ sessionProblem, children }: { sessionProblem: 'invalid' | 'expired' | null; children?: ReactNode }) {
  const t = useTranslations('status.link');
  const hasSession = Boolean(children);
  const [outcome, setOutcome] = useState<Outcome>(hasSession ? { kind: 'session' } : { kind: 'opening' });
  const heading = useRef<HTMLHeadingElement>(null);
  const started = useRef(false);

  useEffect(() => {
    // Once per page load: a token is exchanged exactly once.
    if (started.current) return;
    started.current = true;
    const token = window.location.hash.slice(1);
    const open = async (): Promise<Outcome> => {
      if (!token) {
        if (hasSession) return { kind: 'session' };
        if (sessionProblem === 'expired') return { kind: 'problem', heading: t('expiredHeading'), message: t('expired') };
        return sessionProblem ? { kind: 'problem', heading: t('endedHeading'), message: t('ended') } : { kind: 'noLink' };
      }
      window.history.replaceState(null, '', '/status');
      try {
        const res = await fetch('/api/v1/applications/status/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
        if (res.ok) {
          // A fresh load of the plain address: the page renders with the cookie, and no history entry keeps the token.
          window.location.replace('/status');
          return { kind: 'opening' };
        }
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        return { kind: 'problem', heading: res.status === 429 ? t('rateLimitedHeading') : t('invalidHeading'), message: body?.error?.message ?? t('invalid') };
      } catch {
        return { kind: 'problem', heading: t('networkHeading'), message: t('network') };
      }
    };
    if (token) void Promise.resolve({ kind: 'opening' } as Outcome).then(setOutcome);
    void open().then(setOutcome);
  }, [sessionProblem, hasSession, t]);

  useEffect(() => {
    if (outcome.kind === 'problem' || outcome.kind === 'noLink') heading.current?.focus();
  }, [outcome]);

  if (outcome.kind === 'session' && children) return <>{children}</>;
  if (outcome.kind === 'opening' || outcome.kind === 'session') {
    return (
      <div className="max-width-text">
        <h1>{t('openingHeading')}</h1>
        <p role="status">{t('opening')}</p>
      </div>
    );
  }
  return (
    <div className="max-width-text">
      <h1 ref={heading} tabIndex={-1}>
        {outcome.kind === 'noLink' ? t('noLinkHeading') : outcome.heading}
      </h1>
      {outcome.kind === 'noLink' ? (
        <p>{t('noLink')}</p>
      ) : (
        <div className="alert alert-error" data-testid="status-link-problem">
          <div className="alert-body">
            <p className="alert-text">{outcome.message}</p>
          </div>
        </div>
      )}
      <p>{t('help')}</p>
    </div>
  );
}
