import { route } from '@/lib/http/route';
import { answerEidSimulator } from '@/lib/identity/simulators';
import { seeOther } from '@/lib/http';

/** The eID simulator's "log in": seals the chosen test person into an assertion and returns to our callback. */
export const POST = route({ who: 'anyone', onlyInDemo: true, sameOrigin: true, form: true }, async ({ form }) => {
  const answer = await answerEidSimulator(form);
  if (answer) return seeOther(answer);
  const back = new URLSearchParams({ state: form.state ?? '', nonce: form.nonce ?? '', error: 'attributes' });
  if (form.country) back.set('country', form.country);
  return seeOther(`/dev/eid?${back}`);
});
