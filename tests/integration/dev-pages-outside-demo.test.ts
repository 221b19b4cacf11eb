// The simulators, the demo mailbox and the demo return page exist only in demo mode: in production every /dev page
// and route answers 404, before it reads anything. The list is checked against the files, so a new one cannot be missed.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const DEV = path.resolve('app/(public)/dev');
const saved = { ...process.env };

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

beforeAll(() => {
  Object.assign(process.env, {
    APP_MODE: 'production',
    CPR_REGISTER: 'table',
    APP_URL: 'https://identity-matching.example',
    S3_BUCKET: 'documents',
    RESEND_API_KEY: 're_test',
  });
  vi.resetModules();
});
afterAll(() => {
  process.env = saved;
  vi.resetModules();
});

const pages: Record<string, { props: () => unknown }> = {
  'eid/page.tsx': { props: () => ({ searchParams: Promise.resolve({ state: 's', nonce: 'n', country: 'DE' }) }) },
  'mitid/page.tsx': { props: () => ({ searchParams: Promise.resolve({ state: 's', nonce: 'n' }) }) },
  'mailbox/page.tsx': { props: () => ({}) },
  'mailbox/[id]/page.tsx': { props: () => ({ params: Promise.resolve({ id: '0b9f6a52-7d39-4bd4-9b2f-0f3c1f2d6e11' }) }) },
  'return/page.tsx': { props: () => ({}) },
};
const routes = ['eid/authorize/route.ts', 'mitid/authorize/route.ts'];

describe('outside demo mode', () => {
  it('knows every /dev page and route', () => {
    const found = files(DEV).map((f) => path.relative(DEV, f)).filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f)).sort();
    expect(found).toEqual([...Object.keys(pages), ...routes].sort());
  });

  for (const [file, { props }] of Object.entries(pages)) {
    it(`/dev/${path.dirname(file)} is not found`, async () => {
      const mod = (await import(/* @vite-ignore */ path.join(DEV, file))) as { default: (p: unknown) => Promise<unknown> };
      await expect(mod.default(props())).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    });
  }

  for (const file of routes) {
    it(`/dev/${path.dirname(file)} answers 404`, async () => {
      const mod = (await import(/* @vite-ignore */ path.join(DEV, file))) as { POST: (req: NextRequest, ctx: unknown) => Promise<Response> };
      const req = new NextRequest(`https://identity-matching.example/dev/${path.dirname(file)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'action=person&person=P01&state=s&nonce=n',
      });
      expect((await mod.POST(req, undefined)).status).toBe(404);
    });
  }
});
