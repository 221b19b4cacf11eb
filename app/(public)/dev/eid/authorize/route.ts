import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { handle } from '@/lib/http';
import { answerEidSimulator } from '@/lib/identity/simulators';
import { assertSameOrigin, readForm, seeOther } from '@/lib/linking/request';

/** The eID simulator's "log in": seals the chosen test person into an assertion and returns to our callback. */
export const POST = handle(async (req: NextRequest) => {
  if (!env().isDemo) throw notFound();
  assertSameOrigin(req);
  const form = await readForm(req);
  const answer = await answerEidSimulator(form);
  if (answer) return seeOther(answer);
  const back = new URLSearchParams({ state: form.state ?? '', nonce: form.nonce ?? '', error: 'attributes' });
  if (form.country) back.set('country', form.country);
  return seeOther(`/dev/eid?${back}`);
});
