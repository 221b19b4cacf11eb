'use client';
// One document photo: taken with the rear camera or chosen from files, shrunk and re-encoded to JPEG in the browser
// (which also turns iPhone HEIC into JPEG and drops the location), uploaded with a progress bar, retried after a
// network failure without choosing again, replaceable, and shown with the server's quality hints.
import imageCompression from 'browser-image-compression';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { describedBy, HintAndError } from '@/components/form/field-parts';

export type UploadedPhoto = { id: string; kind: string; qualityHints: string[] };

type State =
  | { phase: 'idle' }
  | { phase: 'preparing' }
  | { phase: 'uploading'; percent: number }
  | { phase: 'failed'; message: string; retry: Blob | null };

const MAX_SIDE = 2400;

async function prepare(file: File): Promise<Blob> {
  try {
    return await imageCompression(file, { maxWidthOrHeight: MAX_SIDE, fileType: 'image/jpeg', initialQuality: 0.85, maxIteration: 2, useWebWorker: false });
  } catch {
    // A format this browser cannot draw (HEIC outside Safari): the server recognises it and says what to do.
    return file;
  }
}

function send(url: string, kind: string, blob: Blob, onProgress: (percent: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', blob, blob instanceof File ? blob.name : `${kind}.jpg`);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error('network'));
    xhr.ontimeout = () => reject(new Error('network'));
    xhr.send(form);
  });
}

export function PhotoUpload({
  id,
  kind,
  label,
  hint,
  error,
  value,
  uploadUrl,
  thumbnailUrl,
  onUploaded,
}: {
  id: string;
  kind: string;
  label: string;
  hint?: string;
  /** Already translated (e.g. "Add a photo of your document"). */
  error?: string;
  value: UploadedPhoto | null;
  uploadUrl: string;
  thumbnailUrl: (id: string) => string;
  onUploaded: (photo: UploadedPhoto) => void;
}) {
  const t = useTranslations('photoUpload');
  const camera = useRef<HTMLInputElement>(null);
  const files = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const busy = state.phase === 'preparing' || state.phase === 'uploading';
  // The buttons are disabled while a photo is sent, which drops the focus to the page: once the answer is there,
  // focus goes to it (the photo's status, or what went wrong), so keyboard and screen-reader users continue there.
  const status = useRef<HTMLDivElement>(null);
  const failure = useRef<HTMLDivElement>(null);
  const [focusAfter, setFocusAfter] = useState<'status' | 'failure' | null>(null);
  useEffect(() => {
    if (!focusAfter) return;
    const target = focusAfter === 'status' ? status.current : failure.current;
    if (target) {
      target.focus();
      setFocusAfter(null);
    }
  }, [focusAfter, value, state]);

  async function upload(blob: Blob) {
    setState({ phase: 'uploading', percent: 0 });
    setAnnouncement(t('uploading'));
    try {
      const res = await send(uploadUrl, kind, blob, (percent) => setState({ phase: 'uploading', percent }));
      if (res.status === 201) {
        setState({ phase: 'idle' });
        setAnnouncement(t('uploaded'));
        onUploaded(res.body as UploadedPhoto);
        setFocusAfter('status');
        return;
      }
      const message = (res.body as { error?: { message?: string } } | null)?.error?.message ?? t('failed');
      // Refused photos must be taken again; a server hiccup (5xx, 429) may be retried with the same photo.
      setState({ phase: 'failed', message, retry: res.status >= 500 || res.status === 429 ? blob : null });
      setAnnouncement(message);
      setFocusAfter('failure');
    } catch {
      setState({ phase: 'failed', message: t('networkFailed'), retry: blob });
      setAnnouncement(t('networkFailed'));
      setFocusAfter('failure');
    }
  }

  async function chosen(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setState({ phase: 'preparing' });
    setAnnouncement(t('preparing'));
    await upload(await prepare(file));
  }

  const hints = value?.qualityHints ?? [];
  return (
    <div className={`form-group${error ? ' form-error' : ''}`} data-testid={`photo-${kind}`}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className="form-label">{label}</legend>
        <HintAndError id={id} hint={hint} error={error} />

        {value ? (
          <div className="mt-3" ref={status} tabIndex={-1} id={`${id}-status`} data-testid={`status-${kind}`}>
            {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-applicant image: no optimiser, no cache */}
            <img src={thumbnailUrl(value.id)} alt={t('thumbnailAlt', { label })} width={400} style={{ maxWidth: '100%', height: 'auto', border: '1px solid #ccc' }} />
            {hints.length ? (
              <div className="alert alert-warning mt-3" data-testid={`hints-${kind}`}>
                <div className="alert-body">
                  <p className="alert-heading">{t('hintsHeading')}</p>
                  <ul className="alert-text">
                    {hints.map((h) => (
                      <li key={h}>{t(`hint.${h}` as 'hint.blurry')}</li>
                    ))}
                  </ul>
                  <p className="alert-text">{t('hintsNext', { retake: t('retakeWithCamera'), another: t('chooseAnother') })}</p>
                </div>
              </div>
            ) : (
              <p className="mt-3">{t('looksGood')}</p>
            )}
          </div>
        ) : null}

        {state.phase === 'preparing' ? <p className="mt-3">{t('preparing')}</p> : null}
        {state.phase === 'uploading' ? (
          <div className="mt-3">
            <label htmlFor={`${id}-progress`}>{t('progressLabel', { percent: state.percent })}</label>
            <progress id={`${id}-progress`} max={100} value={state.percent} style={{ display: 'block', width: '100%', height: '1.2rem' }} data-testid={`progress-${kind}`}>
              {state.percent}%
            </progress>
          </div>
        ) : null}
        {state.phase === 'failed' ? (
          <div className="alert alert-error mt-3" data-testid={`upload-error-${kind}`} ref={failure} tabIndex={-1}>
            <div className="alert-body">
              <p className="alert-text">{state.message}</p>
              {state.retry ? (
                <button type="button" className="button button-secondary mt-3" onClick={() => state.retry && upload(state.retry)}>
                  {t('tryAgain')}
                </button>
              ) : null}
            </div>
          </div>
        ) : null}

        <div className="mt-3">
          <button type="button" className="button button-primary mr-3 mb-3" id={`${id}-camera`} onClick={() => camera.current?.click()} disabled={busy}>
            {value ? t('retakeWithCamera') : t('takePhoto')}
          </button>
          <button type="button" className="button button-secondary mb-3" id={`${id}-file`} onClick={() => files.current?.click()} disabled={busy}>
            {value ? t('chooseAnother') : t('chooseFile')}
          </button>
        </div>
        {/* The buttons above are what people use; these inputs only open the camera or the file picker. */}
        <input ref={camera} type="file" accept="image/*" capture="environment" hidden tabIndex={-1} aria-hidden="true" data-testid={`camera-input-${kind}`} onChange={(e) => chosen(e.currentTarget)} />
        <input ref={files} type="file" accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif" hidden tabIndex={-1} aria-hidden="true" data-testid={`file-input-${kind}`} onChange={(e) => chosen(e.currentTarget)} />
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>
      </fieldset>
    </div>
  );
}
