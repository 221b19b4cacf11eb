// What a server action call must look like before Next decodes it: our pages call actions with plain values only
// (objects, strings, numbers, booleans, and form data), encoded by React's client. Next answers a body its decoder
// cannot read, a reference to a part that was never sent, or a body over its limit with a 500; the proxy refuses those
// first with a structured, translated 4xx, reading at most the limit.
import { NextResponse, type NextRequest } from 'next/server';
import { requestLocale } from '@/lib/i18n/server';
import { translator } from '@/lib/i18n/messages';

/** The same limit as `serverActions.bodySizeLimit` in next.config.mjs. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

const MAX_FIELD_NAME = 200;

type Refusal = { status: 400 | 413; code: 'INVALID_INPUT' | 'PAYLOAD_TOO_LARGE'; key: string };
const malformed: Refusal = { status: 400, code: 'INVALID_INPUT', key: 'MALFORMED_JSON' };
const tooLarge: Refusal = { status: 413, code: 'PAYLOAD_TOO_LARGE', key: 'PAYLOAD_TOO_LARGE' };

/** The encodings of plain values React's client writes as strings starting with `$` (a `$` of the text itself is `$$`). */
const PLAIN_MARKERS = new Set(['$undefined', '$NaN', '$Infinity', '$-Infinity', '$-0']);

/**
 * Whether a decoded JSON value holds only plain values and, in a multipart body, references to form data (whose
 * fields are the parts named `<id>_<field>`; a form without fields has none).
 */
function plain(value: unknown, multipart: boolean): boolean {
  if (typeof value === 'string') return !value.startsWith('$') || value.startsWith('$$') || PLAIN_MARKERS.has(value) || (multipart && /^\$K[0-9a-f]+$/.test(value));
  if (Array.isArray(value)) return value.every((v) => plain(v, multipart));
  if (value !== null && typeof value === 'object') return Object.values(value).every((v) => plain(v, multipart));
  return true;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

async function readCapped(req: Request): Promise<Buffer | null> {
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const part = await reader.read();
    if (part.done) return Buffer.concat(chunks);
    size += part.value.byteLength;
    if (size > ACTION_BODY_LIMIT) {
      // Not awaited: a clone's branch is only cancelled once the other one is too, and the other is Next's.
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(part.value);
  }
}

async function check(req: NextRequest): Promise<Refusal | null> {
  if (Number(req.headers.get('content-length') ?? '0') > ACTION_BODY_LIMIT) return tooLarge;
  const type = req.headers.get('content-type') ?? '';
  let body: Buffer | null;
  try {
    body = await readCapped(req.clone());
  } catch {
    return malformed;
  }
  if (body === null) return tooLarge;
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    const root = parse(body.toString('utf8'));
    return root.ok && Array.isArray(root.value) && plain(root.value, false) ? null : malformed;
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
  } catch {
    return malformed;
  }
  const rootField = form.get('0');
  if (typeof rootField !== 'string') return malformed;
  const root = parse(rootField);
  // The arguments of the call: always a list.
  if (!root.ok || !Array.isArray(root.value)) return malformed;
  for (const [key, value] of form.entries()) {
    // Our forms carry text fields only; anything else was not written by our pages. Next's multipart parser refuses a
    // part header with a control character or over its size (a 500), where the standard parser reads it; our fields
    // have short names.
    if (key !== '0' && (!/^_?[0-9a-f]+_/.test(key) || typeof value !== 'string')) return malformed;
    if (key.length > MAX_FIELD_NAME || /[\u0000-\u001f\u007f]/.test(key)) return malformed;
  }
  return plain(root.value, true) ? null : malformed;
}

/** For a server action call (a POST with the `Next-Action` header): a 4xx when Next could not decode it, else null. */
export async function refuseUndecodableAction(req: NextRequest): Promise<NextResponse | null> {
  const refusal = await check(req);
  if (!refusal) return null;
  const t = translator(requestLocale(req), 'errors');
  return NextResponse.json({ error: { code: refusal.code, message: t(refusal.key) } }, { status: refusal.status });
}
