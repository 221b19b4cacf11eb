// The person's own page on a phone: a demo person links, a relying party looks the link up, and the person opens
// /connection from the front page through the eID login, sees the connection, downloads their data, removes the
// connection (by keyboard), and the links API then answers 404. Danish, 320 px and axe on every page.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { baseURL, expectAccessible, launch, narrow, newPage, scrollsSideways } from './support/browser';

const KEY = 'demo-tax-portal-key';
const PERSON = 'p16';
const person = findDemoPerson(PERSON)!;
const cpr = person.register!.cpr;
const email = 'p16.own-connection@example.com';
const h1 = (page: Page) => page.locator('h1').first().textContent();
const lookup = (pid: string) => fetch(`${baseURL()}/api/v1/links/${encodeURIComponent(pid)}`, { headers: { authorization: `Bearer ${KEY}` } });

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function eidLogin(page: Page, button: string) {
  await page.getByLabel('Which country issued your eID?').selectOption(person.eid.country);
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL('**/dev/eid?**');
  await page.getByTestId(`eid-person-${PERSON}`).click();
}

describe('See or remove your connection, on a 320 px phone', () => {
  it('shows a linked person their connection and a look-up, gives them their data, and removes the connection', async () => {
    const { context, page } = await newPage(browser, narrow);
    // Linked through the ordinary journey.
    await page.goto('/start');
    await eidLogin(page, 'Continue to eID login');
    await page.waitForURL('**/connect');
    await page.getByLabel('CPR number').fill(cpr);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Connect my eID' }).click();
    await page.waitForURL('**/connect/done');
    // A relying party looks the link up.
    expect((await lookup(person.eid.personIdentifier)).status).toBe(200);

    // From the front page, through the eID login.
    await page.goto('/');
    await page.getByRole('link', { name: 'See or remove your connection' }).click();
    await page.waitForURL('**/connection');
    expect(await h1(page)).toBe('See or remove your connection');
    await expectAccessible(page);
    expect(await scrollsSideways(page)).toBe(false);
    await eidLogin(page, 'Continue to eID login');
    await page.waitForURL('**/connection');

    expect(await page.getByTestId('connection-status').textContent()).toBe('Your eID is connected to a Danish CPR number.');
    expect(await page.getByTestId('connection-cpr').textContent()).toBe(`${cpr.slice(0, 6)}-••••`);
    expect(await page.getByTestId('connection-method').textContent()).toBe('Automatically: the information from your eID matched the CPR register');
    expect(await page.getByTestId('connection-lookups').textContent()).toContain('Demo Tax Portal');
    expect(await page.locator('main').textContent()).not.toContain(cpr.slice(6));
    await expectAccessible(page);
    expect(await scrollsSideways(page)).toBe(false);

    // Your data.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('connection-data').click()]);
    expect(download.suggestedFilename()).toMatch(/^identity-matching-data-\d{4}-\d\d-\d\d\.json$/);
    const text = await readFile((await download.path())!, 'utf8');
    const copy = JSON.parse(text) as Record<string, unknown>;
    expect(copy['eID identifier']).toBe(person.eid.personIdentifier);
    expect(copy['Connections to a CPR number']).toEqual([expect.objectContaining({ How: 'Automatically', 'CPR number': `${cpr.slice(0, 6)}-••••`, 'Email address': email })]);
    expect(copy['Lookups by services']).toEqual([expect.objectContaining({ Service: 'Demo Tax Portal', Answer: 'Connected' })]);
    expect((copy['Attempts to connect'] as Record<string, string>[]).map((a) => a.Outcome)).toEqual(['Connected']);
    expect((copy['Emails we sent you'] as Record<string, string>[]).map((e) => e.Subject)).toEqual(['Your eID is now connected to your CPR number']);
    expect(text).not.toContain(cpr);

    // Remove, with a confirmation step, by keyboard alone.
    await page.getByTestId('connection-remove').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Do you want to remove the connection?');
    await expectAccessible(page);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, remove the connection');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/connection?removed=1');
    expect(await page.getByTestId('connection-removed').textContent()).toBe('Your connection has been removed. We have sent you an email about it.');
    expect(await page.getByTestId('connection-status').textContent()).toBe('Your eID is not connected to a CPR number.');
    await expectAccessible(page);

    const after = await lookup(person.eid.personIdentifier);
    expect(after.status).toBe(404);
    expect((await after.json()).linked).toBe(false);

    // The email to the address on the link, in the demo mailbox.
    await page.goto('/dev/mailbox');
    expect(await page.locator('tr', { hasText: email }).filter({ hasText: 'Your eID is no longer connected to your CPR number' }).count()).toBe(1);

    // Sign out ends the session: the page asks for the eID login again.
    await page.goto('/connection');
    await page.getByTestId('connection-sign-out').click();
    await page.waitForURL('**/connection');
    await expect.poll(() => page.getByRole('button', { name: 'Continue to eID login' }).isVisible()).toBe(true);
    expect((await page.request.get('/api/v1/connection/data')).status()).toBe(401);
    await context.close();
  });

  it('speaks Danish and opens from the link in the confirmation email', async () => {
    const { context, page } = await newPage(browser, narrow);
    await page.goto('/dev/mailbox');
    await page.locator('tr', { hasText: email }).getByRole('link', { name: 'Your eID is now connected to your CPR number' }).click();
    await page.waitForURL('**/dev/mailbox/*');
    await page.locator('summary', { hasText: 'Plain text' }).click();
    expect(await page.getByTestId('email-text').textContent()).toContain(`${baseURL()}/connection`);

    await page.goto('/connection');
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect.poll(() => h1(page)).toBe('Se eller fjern din tilknytning');
    await expectAccessible(page);
    await page.getByLabel('Hvilket land har udstedt dit eID?').selectOption(person.eid.country);
    await page.getByRole('button', { name: 'Fortsæt til eID-login' }).click();
    await page.waitForURL('**/dev/eid?**');
    await page.getByTestId(`eid-person-${PERSON}`).click();
    await page.waitForURL('**/connection');
    expect(await page.getByTestId('connection-status').textContent()).toBe('Dit eID er ikke tilknyttet et CPR-nummer.');
    expect(await page.getByTestId('connection-lookups').textContent()).toContain('Demo Tax Portal');
    await expectAccessible(page);
    expect(await scrollsSideways(page)).toBe(false);
    await context.close();
  });
});
