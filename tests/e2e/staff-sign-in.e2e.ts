// Staff sign-in in the browser: a refused password, signing in and out (with and without JavaScript), the back office's
// gate, ended sessions, cross-site posts and the lock-out.
import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, desktop, expectAccessible, launch, newPage } from './support/browser';
import { connectAppDb } from './support/database';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** From a refused sign-in: the right password lands on the page asked for, with the name shown; signing out ends it. */
async function signsInAndOut(page: Page) {
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/no-access');
  expect(await page.getByRole('navigation', { name: 'Back office' }).textContent()).toContain('Camilla Caseworker');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/signin');
  expect(await page.getByRole('navigation', { name: 'Back office' }).count()).toBe(0);
}

describe('staff sign-in', () => {
  it('refuses a wrong password with one generic message, signs in, and signs out', async () => {
    const { context, page } = await newPage(browser, desktop);
    await page.goto('/signin?callbackUrl=%2Fno-access');
    expect(await page.locator('h1').textContent()).toBe('Sign in for staff');
    await expectAccessible(page);

    await page.getByLabel('Email address').fill('caseworker@demo.example');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('error-summary').textContent()).toContain('The email address or password is not correct.');
    await expectAccessible(page);

    await signsInAndOut(page);
    await context.close();
  });

  it('signs in, refuses a wrong password and signs out without JavaScript (plain form posts)', async () => {
    const { context, page } = await newPage(browser, { ...desktop, javaScriptEnabled: false });
    await page.goto('/signin?callbackUrl=%2Fno-access');
    await page.getByLabel('Email address').fill('caseworker@demo.example');
    await page.getByLabel('Password').fill('wrong password');
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Sign in' }).click()]);
    expect(refused.status()).toBe(200);
    expect(await page.getByTestId('error-summary').textContent()).toContain('The email address or password is not correct.');
    expect(await page.getByLabel('Email address').inputValue()).toBe('caseworker@demo.example');

    await signsInAndOut(page);
    await context.close();
  });

  it('sends a signed-out visitor of the back office to sign-in', async () => {
    const { context, page } = await newPage(browser, desktop);
    await page.goto('/caseworker');
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/caseworker');
    await context.close();
  });

  it('lands an admin on staff administration, not on "No access"', async () => {
    const { context, page } = await newPage(browser, desktop);
    await page.goto('/signin');
    await page.getByLabel('Email address').fill('admin@demo.example');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/staff');
    expect(await page.locator('h1').textContent()).not.toContain('No access');
    await context.close();
  });

  it('answers "no session" once the session was ended by signing out, even to the old cookie', async () => {
    const { context, page } = await newPage(browser, desktop);
    await page.goto('/signin');
    await page.getByLabel('Email address').fill('supervisor@demo.example');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/supervisor');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name.endsWith('authjs.session-token'))!;
    const before = await (await fetch(`${baseURL()}/api/auth/session`, { headers: { cookie: `${session.name}=${session.value}` } })).json();
    expect(before.user?.email).toBe('supervisor@demo.example');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin');
    const after = await (await fetch(`${baseURL()}/api/auth/session`, { headers: { cookie: `${session.name}=${session.value}` } })).json();
    expect(after).toBeNull();
    await context.close();
  });

  it('refuses a sign-in form posted from another site with the 403 page, not a server error', async () => {
    const { context, page } = await newPage(browser, desktop);
    await page.goto('/signin');
    // The form exactly as the page renders it (its hidden action fields included), posted the way a browser posts
    // a form from another site: as a plain form (no JavaScript), and as the script of the app would (action header).
    const hidden = await page.locator('form').first().locator('input[type="hidden"]').evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as const));
    expect(hidden.some(([name]) => name.startsWith('$ACTION'))).toBe(true);
    const asPosted: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'https://evil.example', 'next-action': 'f'.repeat(42) }];
    for (const headers of asPosted) {
      const form = new FormData();
      for (const [name, value] of hidden) form.append(name, value);
      form.append('email', 'caseworker@demo.example');
      form.append('password', 'demo-password');
      const res = await fetch(`${baseURL()}/signin`, { method: 'POST', headers, body: form, redirect: 'manual' });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('This request was refused');
      expect(res.headers.get('set-cookie') ?? '').not.toContain('authjs.session-token');
    }
    await context.close();
  });

  it('has an icon, so no page asks for a missing favicon', async () => {
    const { context, page } = await newPage(browser, desktop);
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) missing.push(r.url());
    });
    await page.goto('/');
    await page.goto('/signin');
    const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(icon).toBeTruthy();
    expect((await fetch(new URL(icon!, baseURL()))).status).toBe(200);
    expect(missing).toEqual([]);
    await context.close();
  });
});

describe('a locked staff account', () => {
  it('says it is locked and for how long, whatever address the guesses claim to come from', async () => {
    const sql = connectAppDb();
    await sql`insert into users (id, email, name, role, password_hash) values (${randomUUID()}, 'locked.e2e@demo.example', 'Lone Locked', 'caseworker', ${await hash('the-right-password')})`;
    await sql.end();
    const { context, page } = await newPage(browser, desktop);
    let guess = 0;
    // A client may write any X-Forwarded-For; with no proxy in front the app never reads it.
    await page.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'x-forwarded-for': `198.51.100.${++guess}` } }));
    await page.goto('/signin');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Email address').fill('locked.e2e@demo.example');
      await page.getByLabel('Password').fill(`wrong ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByTestId('error-summary').textContent()).toContain('The email address or password is not correct.');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    }
    await page.getByLabel('Email address').fill('locked.e2e@demo.example');
    await page.getByLabel('Password').fill('the-right-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('error-summary').textContent()).toMatch(/This account is locked after too many failed sign-in attempts\. Try again in 1[45] minutes\./);
    await expectAccessible(page);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await context.close();
  });
});
