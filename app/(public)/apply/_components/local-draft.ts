// The browser's own copy of the manual form, written at once on every change so that a reload straight after typing
// keeps the last field even when the server has not got it yet. It is a write-ahead copy, not a second draft: it
// lives in sessionStorage (this tab only, gone when the tab closes), and it is removed as soon as the server has
// saved the same values, on sending, and when it belongs to another journey (a shared phone). So a CPR number stays
// in the browser only for the moment between typing it and the server saving it.
import type { UploadedPhoto } from '@/components/photo-upload';
import type { ApplicationFormValues, DocumentKind, Step } from '@/lib/applications/schema';

const KEY = 'im.apply.unsaved';

export type LocalDraft = {
  /** The idempotency key of the application being filled in: a copy for another key is another person's. */
  key: string;
  step: Step;
  values: Omit<ApplicationFormValues, 'consent'>;
  photos: Partial<Record<DocumentKind, UploadedPhoto>>;
  /** Increases with every write, so a late save answer for older values does not remove newer ones. */
  seq: number;
};

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    // Storage switched off (private mode on some phones): the server draft alone carries the form.
    return null;
  }
}

export function readLocalDraft(key: string): LocalDraft | null {
  const s = storage();
  const raw = s?.getItem(KEY);
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as LocalDraft;
    if (draft.key === key) return draft;
  } catch {
    // Unreadable: dropped below.
  }
  s?.removeItem(KEY);
  return null;
}

export function writeLocalDraft(draft: LocalDraft): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Full or refused: the server draft still follows.
  }
}

/** Removes the copy if it is still the one with this sequence number (or any copy, without one). */
export function clearLocalDraft(seq?: number): void {
  const s = storage();
  if (!s) return;
  if (seq !== undefined) {
    try {
      if ((JSON.parse(s.getItem(KEY) ?? 'null') as LocalDraft | null)?.seq !== seq) return;
    } catch {
      // Unreadable: removed.
    }
  }
  s.removeItem(KEY);
}
