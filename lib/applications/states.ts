// The application state machine: the one pure function that says which transitions are allowed.
// transition.ts applies it inside a transaction with an optimistic version check; nothing else changes `state`.
import type { ApplicationState } from '@/lib/vocabulary';

export const transitions = {
  take: { from: ['submitted'], to: 'in_review', event: 'taken' },
  release: { from: ['in_review'], to: 'submitted', event: 'released' },
  // A supervisor gives a waiting or in-review case to a caseworker (same state when it was under review already).
  reassign: { from: ['submitted', 'in_review'], to: 'in_review', event: 'reassigned' },
  approve: { from: ['in_review'], to: 'approved', event: 'approved' },
  reject: { from: ['in_review'], to: 'rejected', event: 'rejected' },
  request_info: { from: ['in_review'], to: 'awaiting_applicant', event: 'info_requested' },
  answer: { from: ['awaiting_applicant'], to: 'submitted', event: 'answered' },
  // The applicant may withdraw until a decision; a case under review is released by withdrawing.
  withdraw: { from: ['submitted', 'in_review', 'awaiting_applicant'], to: 'withdrawn', event: 'withdrawn' },
  expire: { from: ['awaiting_applicant'], to: 'expired', event: 'expired' },
} as const satisfies Record<string, { from: readonly ApplicationState[]; to: ApplicationState; event: string }>;

export type Transition = keyof typeof transitions;

export const openStates: readonly ApplicationState[] = ['submitted', 'in_review', 'awaiting_applicant'];
export const closedStates: readonly ApplicationState[] = ['approved', 'rejected', 'expired', 'withdrawn'];

/** The state after `transition`, or null when it is not allowed from `state`. */
export function nextState(state: ApplicationState, transition: Transition): ApplicationState | null {
  const rule = transitions[transition];
  return (rule.from as readonly ApplicationState[]).includes(state) ? rule.to : null;
}

export function isClosed(state: ApplicationState): boolean {
  return closedStates.includes(state);
}
