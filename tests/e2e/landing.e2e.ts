import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeAppDatabase, eidJourney, useAppDatabase } from './support/app-data';
import { baseURL, expectAccessible, launch, narrow, newPage, scrollsSideways } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  useAppDatabase(inject('dataDir'), baseURL());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await closeAppDatabase();
});

describe('landing page on a phone', () => {
  it('explains the service in English, switches to Danish, and passes axe in both', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Use your non-Danish eID for Danish public self-services');
    expect(await page.getByTestId('demo-banner').textContent()).toContain('Demo — test data only');
    expect(await page.getByRole('link', { name: 'Continue with non-Danish eID' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Accessibility statement' }).isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Brug dit udenlandske eID til danske offentlige selvbetjeningsløsninger');
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    expect(await page.getByRole('link', { name: 'Fortsæt med udenlandsk eID' }).isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tilgængelighedserklæring');
    await expectAccessible(page);
    await context.close();
  });

  it('switches to Danish and back on a phone whose JavaScript has not loaded (a plain form post)', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/');
    const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Dansk' }).click()]);
    expect(answer.status()).toBe(200);
    await page.waitForLoadState();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    expect(await page.locator('h1').textContent()).toBe('Brug dit udenlandske eID til danske offentlige selvbetjeningsløsninger');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForLoadState();
    expect(await page.locator('h1').textContent()).toBe('Use your non-Danish eID for Danish public self-services');
    await context.close();
  });

  it('tells a phone without JavaScript which pages need it, instead of a form that does nothing', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    const needs = 'This page needs JavaScript, which is turned off or has not loaded in your browser.';
    await page.goto('/status#a-status-link-token');
    expect(await page.getByTestId('needs-javascript').textContent()).toContain(needs);
    await context.addCookies([{ ...(await eidJourney({ givenNames: 'Noa', familyName: 'Script', dateOfBirth: '1990-02-03', country: 'NL', cpr: '0302901234', email: 'noa.script@example.com' })), url: baseURL() }]);
    await page.goto('/apply');
    expect(await page.getByTestId('needs-javascript').textContent()).toContain(needs);
    await page.goto('/');
    expect(await page.getByTestId('needs-javascript').count()).toBe(0);
    await context.close();
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const { context, page } = await newPage(browser, narrow);
    await page.goto('/');
    expect(await scrollsSideways(page)).toBe(false);
    await context.close();
  });

  it('answers an unknown page with a translated not-found page, not a stack trace', async () => {
    const { context, page } = await newPage(browser);
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await expectAccessible(page);
    await context.close();
  });

  it('sends an applicant only the texts of the page, never the staff pages\' texts', async () => {
    const html = await (await fetch(`${baseURL()}/`)).text();
    expect(html).toContain('Continue with non-Danish eID');
    // The caseworker's shortcut help and the supervisor's dashboard are staff texts: not in a public page's payload.
    expect(html).not.toContain('Shortcuts do nothing while you are typing in a field');
    expect(html).not.toContain('Keyboard shortcuts');
    expect(Buffer.byteLength(html)).toBeLessThan(40_000);
  });
});
