'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

type Doc = { id: string; kind: 'passport_photo' | 'id_front' | 'id_back'; round: number; qualityHints: string[] };

const ZOOM_MIN = 1;
const ZOOM_MAX = 5;
const ZOOM_STEP = 0.25;
const PAN_STEP = 40;

const src = (id: string, size: 'review' | 'thumb') => `/api/v1/documents/${id}?size=${size}`;

/**
 * The review image with zoom, pan and rotate by buttons, keyboard (when the image has focus) and pointer,
 * full screen, and thumbnails of every photo of every round. Each image is fetched through the recorded route.
 */
export function DocumentViewer({ documents }: { documents: Doc[] }) {
  const t = useTranslations('caseworker.documents');
  const [index, setIndex] = useState(0);
  const [zoom, setZoom] = useState(1);
  const [rotation, setRotation] = useState(0);
  const [pan, setPan] = useState({ x: 0, y: 0 });
  const [fullscreen, setFullscreen] = useState(false);
  const frameRef = useRef<HTMLDivElement>(null);
  // Full screen shows the stage (toolbar, image, status), not the image alone, so the controls stay on screen.
  const stageRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; px: number; py: number } | null>(null);

  const reset = useCallback(() => {
    setZoom(1);
    setRotation(0);
    setPan({ x: 0, y: 0 });
  }, []);
  const show = (i: number) => {
    setIndex((i + documents.length) % documents.length);
    reset();
  };
  const zoomBy = (delta: number) => setZoom((z) => Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round((z + delta) * 100) / 100)));
  const rotateBy = (deg: number) => setRotation((r) => (r + deg + 360) % 360);
  const panBy = (dx: number, dy: number) => setPan((p) => ({ x: p.x + dx, y: p.y + dy }));
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void stageRef.current?.requestFullscreen?.().then(() => frameRef.current?.focus());
  };

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === stageRef.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  if (documents.length === 0) return <p>{t('none')}</p>;
  const doc = documents[Math.min(index, documents.length - 1)]!;
  const label = t('imageLabel', { kind: t(`kinds.${doc.kind}`), round: doc.round });

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const actions: Record<string, () => void> = {
      '+': () => zoomBy(ZOOM_STEP),
      '=': () => zoomBy(ZOOM_STEP),
      '-': () => zoomBy(-ZOOM_STEP),
      ArrowLeft: () => panBy(PAN_STEP, 0),
      ArrowRight: () => panBy(-PAN_STEP, 0),
      ArrowUp: () => panBy(0, PAN_STEP),
      ArrowDown: () => panBy(0, -PAN_STEP),
      r: () => rotateBy(90),
      R: () => rotateBy(-90),
      l: () => rotateBy(-90),
      '0': reset,
      f: toggleFullscreen,
      '[': () => show(index - 1),
      ']': () => show(index + 1),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };
  const onPointerDown = (e: PointerEvent) => {
    drag.current = { x: e.clientX, y: e.clientY, px: pan.x, py: pan.y };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!drag.current) return;
    setPan({ x: drag.current.px + e.clientX - drag.current.x, y: drag.current.py + e.clientY - drag.current.y });
  };
  const rounds = [...new Set(documents.map((d) => d.round))];

  return (
    <div className="document-viewer">
      <div className="viewer-stage" ref={stageRef} data-testid="viewer-stage">
      <div className="viewer-controls" role="toolbar" aria-label={t('toolbar')} aria-controls="viewer-frame">
        {fullscreen && documents.length > 1 ? (
          <>
            <button type="button" className="button button-secondary" onClick={() => show(index - 1)}>
              {t('previous')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => show(index + 1)}>
              {t('next')}
            </button>
          </>
        ) : null}
        <button type="button" className="button button-secondary" onClick={() => zoomBy(ZOOM_STEP)} disabled={zoom >= ZOOM_MAX}>
          {t('zoomIn')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => zoomBy(-ZOOM_STEP)} disabled={zoom <= ZOOM_MIN}>
          {t('zoomOut')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => rotateBy(-90)}>
          {t('rotateLeft')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => rotateBy(90)}>
          {t('rotateRight')}
        </button>
        <button type="button" className="button button-secondary" onClick={reset}>
          {t('reset')}
        </button>
        <button type="button" className="button button-secondary" onClick={toggleFullscreen}>
          {fullscreen ? t('exitFullscreen') : t('fullscreen')}
        </button>
      </div>
      <div
        id="viewer-frame"
        ref={frameRef}
        className="viewer-frame"
        tabIndex={0}
        role="group"
        aria-roledescription={t('roleDescription')}
        aria-label={label}
        aria-describedby="viewer-help"
        data-viewer=""
        data-shortcut="documents"
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
        onDoubleClick={toggleFullscreen}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- served by the recorded, authorised route; never optimised or cached */}
        <img
          key={doc.id}
          src={src(doc.id, 'review')}
          alt={label}
          draggable={false}
          data-testid="viewer-image"
          data-zoom={zoom}
          data-rotation={rotation}
          style={{ transform: `translate(${pan.x}px, ${pan.y}px) rotate(${rotation}deg) scale(${zoom})` }}
        />
      </div>
      <p id="viewer-help" className="form-hint">
        {t('help')}
      </p>
      <p role="status" aria-live="polite" className="viewer-status" data-testid="viewer-status">
        {fullscreen ? `${label}. ` : ''}
        {t('status', { zoom: Math.round(zoom * 100), rotation })}
      </p>
      </div>
      {doc.qualityHints.length ? (
        <p className="viewer-hints">
          {t('hints')}: {doc.qualityHints.map((h) => (t.has(`hintNames.${h}`) ? t(`hintNames.${h}`) : h)).join(', ')}
        </p>
      ) : null}
      {rounds.map((round) => (
        <div key={round} className="viewer-round">
          <h3 className="h5">{t('round', { round })}</h3>
          <ul className="viewer-thumbs">
            {documents.map((d, i) =>
              d.round === round ? (
                <li key={d.id}>
                  <button type="button" className="viewer-thumb" aria-pressed={i === index} onClick={() => show(i)}>
                    {/* eslint-disable-next-line @next/next/no-img-element -- see above */}
                    <img src={src(d.id, 'thumb')} alt="" width={120} height={90} />
                    <span>{t(`kinds.${d.kind}`)}</span>
                  </button>
                </li>
              ) : null,
            )}
          </ul>
        </div>
      ))}
    </div>
  );
}
