'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionFailure, ActionResult } from '@/lib/http/action';

/**
 * Runs a case action and keeps its outcome for the form: on success the page is re-rendered with the new state;
 * on a conflict the message (which names the fresh state) stays until the caseworker chooses to reload.
 */
export function useCaseAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const run = <T extends object>(action: () => Promise<ActionResult<T>>, onSuccess?: (result: T) => void) =>
    startTransition(async () => {
      setFailure(null);
      const result = await action();
      if (!result.ok) {
        setFailure(result);
        return;
      }
      onSuccess?.(result);
      router.refresh();
    });
  const reload = () => {
    setFailure(null);
    router.refresh();
  };
  return { pending, failure, run, reload };
}
