import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { handle } from '@/lib/http';
import { answerMitidSimulator } from '@/lib/identity/simulators';
import { assertSameOrigin, readForm, seeOther } from '@/lib/linking/request';

/** The MitID simulator's "log in": seals the chosen test person's CPR number and returns to our callback. */
export const POST = handle(async (req: NextRequest) => {
  if (!env().isDemo) throw notFound();
  assertSameOrigin(req);
  const form = await readForm(req);
  const answer = await answerMitidSimulator(form);
  if (answer) return seeOther(answer);
  return seeOther(`/dev/mitid?${new URLSearchParams({ state: form.state ?? '', nonce: form.nonce ?? '', error: 'person' })}`);
});
