import { NextResponse, type NextRequest } from 'next/server';
import { AppError } from '@/lib/errors';
import { clientIp, seeOther } from '@/lib/http';
import { route } from '@/lib/http/route';
import { errorTranslator, requestLocale } from '@/lib/i18n/server';
import { submitAutoMatch, type AutoMatchResult } from '@/lib/linking';
import { REGISTER_UNAVAILABLE } from '@/lib/register';
import { cprAndEmailSchema } from '@/lib/linking/schemas';
import { fieldErrors } from '@/lib/validation';

const nextPage = (result: AutoMatchResult) =>
  result.result === 'linked' ? result.redirectTo : result.result === 'limited' ? '/connect/limit' : '/connect/mitid';

/**
 * The CPR + email form as JSON. Answers `linked` (with where to go), `not_matched` (one neutral answer for every
 * reason), or 429 `limited`. Never echoes the CPR number and never says which field differed.
 */
const json = route({ who: 'eid', sameOrigin: true, schema: cprAndEmailSchema, limit: 4 * 1024 }, async ({ req, db, caller: journey, body }) => {
  const result = await submitAutoMatch(db, journey, body, { ip: clientIp(req), locale: requestLocale(req) });
  if (result.result === 'limited') {
    const t = errorTranslator(req);
    return NextResponse.json({ result: 'limited', next: nextPage(result), error: { code: 'RATE_LIMITED', message: t('attemptsUsed') } }, { status: 429 });
  }
  if (result.result === 'not_matched') return NextResponse.json({ result: 'not_matched', next: nextPage(result) });
  return NextResponse.json(result);
});

/**
 * The same form posted by a browser before (or without) JavaScript: answered with redirects. Field errors go back
 * as message keys only (`/connect?cpr=cprDate`), never with what was typed.
 */
const plainForm = route(
  {
    who: 'eid',
    sameOrigin: true,
    form: true,
    fail: (e) => {
      if (e instanceof AppError && e.code === 'UNAUTHENTICATED') return seeOther('/start?error=session');
      // Without JavaScript the page itself says "try again later"; what was typed is never put into the URL.
      if (e instanceof AppError && e.messageKey === REGISTER_UNAVAILABLE) return seeOther('/connect?problem=register');
      return undefined;
    },
  },
  async ({ req, db, caller: journey, form }) => {
    const parsed = cprAndEmailSchema.safeParse({ cpr: form.cpr ?? '', email: form.email ?? '' });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      const query = new URLSearchParams();
      for (const field of ['cpr', 'email'] as const) if (errors[field]?.[0]) query.set(field, errors[field][0]);
      return seeOther(`/connect?${query}`);
    }
    return seeOther(nextPage(await submitAutoMatch(db, journey, parsed.data, { ip: clientIp(req), locale: requestLocale(req) })));
  },
);

/** One path, two doors: a browser's plain form post, or the page's JSON call. */
export async function POST(req: NextRequest, ctx?: { params: Promise<Record<string, never>> }): Promise<Response> {
  const type = req.headers.get('content-type') ?? '';
  return type.startsWith('application/x-www-form-urlencoded') ? plainForm(req, ctx) : json(req, ctx);
}
