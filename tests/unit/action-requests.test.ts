// The proxy's check of server action calls: what React's client writes passes untouched; a body Next could not decode
// gets a structured, translated 400 or 413 before it reaches Next.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT, refuseUndecodableAction } from '@/lib/security/action-requests';
import { proxy } from '@/proxy';

const URL_ = 'http://localhost/caseworker';
const headers = { 'next-action': 'a'.repeat(42), origin: 'http://localhost', host: 'localhost' };

function call(body: BodyInit, type: string | null, extra: Record<string, string> = {}) {
  return new NextRequest(URL_, { method: 'POST', headers: { ...headers, ...(type ? { 'content-type': type } : {}), ...extra }, body });
}

function form(root: string, fields: Record<string, string | Blob> = {}) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append('0', root);
  return f;
}

async function refusal(req: NextRequest) {
  const res = await refuseUndecodableAction(req);
  return res && { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
}

describe('server action calls', () => {
  it('lets through what the browser sends: plain arguments, escaped text, named numbers and forms', async () => {
    expect(await refusal(call('[]', 'text/plain;charset=UTF-8'))).toBeNull();
    expect(await refusal(call(JSON.stringify([{ applicationId: 'x', expectedVersion: 2, text: '$$5 fee', note: '$undefined', n: '$NaN' }]), 'text/plain;charset=UTF-8'))).toBeNull();
    const multipart = call(form('[{},"$K1"]', { '1_email': 'a@example.com', '1_password': 'x' }), null);
    expect(await refusal(multipart)).toBeNull();
    // A progressively enhanced form (useActionState), as Chromium sends it: its fields under `_<id>_`, the action's own
    // reference fields among them.
    const enhanced = call(
      form('[{},"$K1"]', { '_1_$ACTION_REF_3': '', '_1_$ACTION_3:0': '{"id":"60e1892b","bound":"$@1"}', '_1_$ACTION_3:1': '[{}]', '_1_$ACTION_KEY': 'k4ceb738b', _1_callbackUrl: '', _1_email: 'a@example.com', _1_password: 'x' }),
      null,
    );
    expect(await refusal(enhanced)).toBeNull();
    // A form without fields (sign-out) refers to form data with no parts.
    expect(await refusal(call(form('["$K1"]'), null))).toBeNull();
    // The action still reads the whole body afterwards.
    const req = call('[1]', 'text/plain');
    await refuseUndecodableAction(req);
    expect(await req.text()).toBe('[1]');
  });

  it('refuses bodies Next could not decode with a structured 400', async () => {
    for (const body of ['[', '{"a":1}', '1', 'null', '["$@1"]', '["$Q1"]', '[{"x":"$F1"}]', '["$K1"]', '["$1"]']) {
      const r = await refusal(call(body, 'text/plain;charset=UTF-8'));
      expect(r, body).toEqual({ status: 400, body: { error: { code: 'INVALID_INPUT', message: 'The request could not be read.' } } });
    }
    expect((await refusal(call(form('{"a":1}'), null)))?.status).toBe(400);
    expect((await refusal(call(form('["$@2"]'), null)))?.status).toBe(400);
    expect((await refusal(call(form('["$K1"]', { '1_file': new Blob([new Uint8Array([0xff, 0xd8])], { type: 'image/jpeg' }) }), null)))?.status).toBe(400);
    expect((await refusal(call(form('["$K1"]', { stray: 'x' }), null)))?.status).toBe(400);
    expect((await refusal(call(form('["$K1"]', { '1_a\bb': 'x' }), null)))?.status).toBe(400);
    expect((await refusal(call(form('["$K1"]', { [`1_${'🙂'.repeat(10_000)}`]: 'x' }), null)))?.status).toBe(400);
    expect((await refusal(call('--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]', 'multipart/form-data; boundary=b')))?.status).toBe(400);
  });

  it('refuses a body over the limit with 413, declared or not, in the request’s language', async () => {
    const big = `["${'a'.repeat(ACTION_BODY_LIMIT)}"]`;
    expect((await refusal(call(big, 'text/plain')))?.status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = new NextRequest(URL_, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain', cookie: 'locale=da' }, body: stream, duplex: 'half' } as ConstructorParameters<typeof NextRequest>[1]);
    expect(await refusal(chunked)).toEqual({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE', message: expect.not.stringMatching(/too large/) } } });
  });

  it('is what the proxy answers for such a call, with the policy header', async () => {
    const res = await proxy(call('nul', 'text/plain'));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // A call Next can decode goes on as before: here, without a session cookie, to the sign-in page.
    expect((await proxy(call('[]', 'text/plain'))).status).toBe(307);
  });
});
