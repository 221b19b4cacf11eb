import { route } from '@/lib/http/route';
import { answerMitidSimulator } from '@/lib/identity/simulators';
import { seeOther } from '@/lib/http';

/** The MitID simulator's "log in": seals the chosen test person's CPR number and returns to our callback. */
export const POST = route({ who: 'anyone', onlyInDemo: true, sameOrigin: true, form: true }, async ({ form }) => {
  const answer = await answerMitidSimulator(form);
  if (answer) return seeOther(answer);
  return seeOther(`/dev/mitid?${new URLSearchParams({ state: form.state ?? '', nonce: form.nonce ?? '', error: 'person' })}`);
});
