import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktop, expectAccessible, launch, newPage } from './support/browser';

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
