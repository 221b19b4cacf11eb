import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktop, expectAccessible, launch, newPage } from './support/browser';
import { connectAppDb } from './support/database';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

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

    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/no-access');
    expect(await page.getByRole('navigation', { name: 'Back office' }).textContent()).toContain('Camilla Caseworker');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin');
    expect(await page.getByRole('navigation', { name: 'Back office' }).count()).toBe(0);
    await context.close();
  });

  it('sends a signed-out visitor of the back office to sign-in', async () => {
    const { context, page } = await newPage(browser, desktop);
    await page.goto('/caseworker');
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/caseworker');
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
