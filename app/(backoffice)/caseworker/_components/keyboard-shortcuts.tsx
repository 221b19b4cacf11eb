'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import styles from '@/components/confirm-dialog.module.css';

type Shortcut = { key: string; target: string; click?: boolean };

// Single keys without modifiers. Decisions are never taken by one key: a shortcut moves focus to the form.
const shortcuts: Record<'queue' | 'case', Shortcut[]> = {
  queue: [
    { key: '?', target: 'shortcuts' },
    { key: 'n', target: 'take-next', click: true },
    { key: '/', target: 'search' },
  ],
  case: [
    { key: '?', target: 'shortcuts' },
    { key: 'n', target: 'take-next', click: true },
    { key: 't', target: 'take', click: true },
    { key: 'd', target: 'documents' },
    { key: 'a', target: 'approve' },
    { key: 'x', target: 'reject' },
    { key: 'i', target: 'request-info' },
    { key: 'o', target: 'note' },
    { key: 'h', target: 'history' },
  ],
};

const viewerKeys = ['zoomIn', 'zoomOut', 'pan', 'rotate', 'rotateLeft', 'reset', 'fullscreen', 'previousNext'] as const;

/** True where typed letters belong to the user, not to us: text fields, selects, editable content, the image viewer. */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [data-viewer]')) return true;
  return false;
}

/** A visible pointer to the shortcuts, and the list itself in a dialog that `?` (or the button) opens. */
export function KeyboardShortcuts({ page }: { page: 'queue' | 'case' }) {
  const t = useTranslations('caseworker.shortcuts');
  const dialog = useRef<HTMLDialogElement>(null);
  const open = () => {
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  useEffect(() => {
    const list = shortcuts[page];
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || ownsKeys(e.target)) return;
      if (dialog.current?.open) return;
      if (e.key === '?') {
        e.preventDefault();
        dialog.current?.showModal();
        return;
      }
      const shortcut = list.find((s) => s.key === e.key);
      if (!shortcut) return;
      const el = document.querySelector<HTMLElement>(`[data-shortcut="${shortcut.target}"]`);
      if (!el || (el as HTMLButtonElement).disabled) return;
      e.preventDefault();
      el.scrollIntoView({ block: 'center' });
      if (shortcut.click) el.click();
      else el.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [page]);

  return (
    <>
      <p className="shortcuts-hint" data-testid="shortcuts-hint">
        <button type="button" className="button button-tertiary" onClick={open} aria-haspopup="dialog">
          {t('open')}
        </button>{' '}
        <span className="text-muted">{t('hint')}</span>
      </p>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby="shortcuts-heading" id="keyboard-shortcuts" onClick={(e) => e.target === dialog.current && dialog.current.close()}>
        <div className={styles.header}>
          <h2 id="shortcuts-heading" className="h3">
            {t('heading')}
          </h2>
        </div>
        <div className={styles.body}>
        <p>{t('intro')}</p>
        <table className="table table--compact">
          <caption className="visually-hidden">{t('heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('key')}</th>
              <th scope="col">{t('action')}</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts[page].map((s) => (
              <tr key={s.key}>
                <td>
                  <kbd>{s.key}</kbd>
                </td>
                <td>{t(`targets.${s.target}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page === 'case' ? (
          <>
            <p>{t('viewerIntro')}</p>
            <table className="table table--compact">
              <caption className="visually-hidden">{t('viewerHeading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('key')}</th>
                  <th scope="col">{t('action')}</th>
                </tr>
              </thead>
              <tbody>
                {viewerKeys.map((k) => (
                  <tr key={k}>
                    <td>
                      <kbd>{t(`viewerKeys.${k}`)}</kbd>
                    </td>
                    <td>{t(`viewer.${k}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        </div>
        <div className={styles.footer}>
          <button type="button" className="button button-primary" onClick={() => dialog.current?.close()} autoFocus>
            {t('close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
