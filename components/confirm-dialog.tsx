'use client';
// A confirmation before a step that is hard to undo, on the native modal <dialog>: focus moves into it and is held
// there, Escape or Cancel closes it, and focus returns to the control that opened it.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import styles from './confirm-dialog.module.css';

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Called on Cancel, Escape or a click on the backdrop. */
  onCancel: () => void;
  /** Called on confirm. With `submit`, the confirm button instead submits the form the dialog sits in. */
  onConfirm?: () => void;
  submit?: boolean;
  /** Extra attributes for the confirm button (tests find it by its name, people by its text). */
  testId?: string;
};

export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, onCancel, onConfirm, submit, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={() => open && onCancel()}
      onClick={(e) => e.target === ref.current && onCancel()}
    >
      <div className={styles.header}>
        <h2 id={titleId} className="h3">
          {title}
        </h2>
      </div>
      <div className={styles.body}>{children}</div>
      <div className={styles.footer}>
        <button type={submit ? 'submit' : 'button'} className="button button-primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} autoFocus>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
