// The applicant's journey on a phone, as a new user walks it in demo mode: eID simulator, CPR + email,
// the MitID match, the way to the manual application, and the attempt limit. axe on every page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { baseURL, expectAccessible, launch, narrow, newPage, scrollsSideways } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const CPR_LIKE = /\b\d{6}[-\s]?\d{4}\b/;
const cprOf = (id: string) => findDemoPerson(id)!.register!.cpr;
const returnUrl = () => `${baseURL()}/dev/return`;
const h1 = (page: Page) => page.locator('h1').first().textContent();

/** From the relying party's link to the CPR form, logged in at the eID simulator as a demo person. */
async function logInWithEid(page: Page, personId: string) {
  const person = findDemoPerson(personId)!;
  await page.goto(`/start?returnTo=${encodeURIComponent(returnUrl())}`);
  expect(await h1(page)).toBe('Log in with your eID');
  expect(await page.getByText('When you are done, you will be sent back to Demo Tax Portal.').isVisible()).toBe(true);
  await expectAccessible(page);
  await page.getByLabel('Which country issued your eID?').selectOption(person.eid.country);
  await page.getByRole('button', { name: 'Continue to eID login' }).click();

  await page.waitForURL('**/dev/eid?**');
  expect(await h1(page)).toBe('Test eID login');
  expect(await page.getByTestId('test-login').textContent()).toContain('Test login — not a real eID or MitID');
  await expectAccessible(page);
  await page.getByTestId(`eid-person-${personId}`).click();

  await page.waitForURL('**/connect');
  expect(await h1(page)).toBe('Type your CPR number and email address');
  expect(await page.locator('.font-lead').textContent()).toContain(`${person.eid.givenNames} ${person.eid.familyName}`);
  await expectAccessible(page);
}

async function typeCprAndEmail(page: Page, cpr: string, email: string) {
  await page.getByLabel('CPR number').fill(cpr);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Connect my eID' }).click();
}

describe('the automatic match on a phone', () => {
  it('links a matching person, sends them back to the service and shows the confirmation email', async () => {
    const { context, page } = await newPage(browser);
    await logInWithEid(page, 'p01');

    // A mistake first: the error summary names the field, in words.
    await typeCprAndEmail(page, '310255-1101', 'lars.mueller@example.com');
    await expect.poll(() => page.getByTestId('error-summary').textContent()).toContain('This one is not a real date.');
    await expectAccessible(page);

    const cpr = cprOf('p01');
    await typeCprAndEmail(page, `${cpr.slice(0, 6)}-${cpr.slice(6)}`, 'lars.mueller@example.com');
    await page.waitForURL(returnUrl());
    expect(await h1(page)).toBe('You are back at Demo Tax Portal');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'See the confirmation email in the demo mailbox' }).click();
    await page.waitForURL('**/dev/mailbox');
    const row = page.locator('tr', { hasText: 'lars.mueller@example.com' });
    await row.getByRole('link', { name: 'Your eID is now connected to your CPR number' }).click();
    await page.waitForURL('**/dev/mailbox/*');
    expect(await h1(page)).toBe('Your eID is now connected to your CPR number');
    await page.locator('summary', { hasText: 'Plain text' }).click();
    const text = await page.getByTestId('email-text').textContent();
    expect(text).toContain('Dear Lars Müller,');
    expect(text).not.toMatch(CPR_LIKE);
    await expectAccessible(page);

    // Coming back later with the same eID goes straight back to the service.
    await logInAgain(page, 'p01');
    // Without a service to return to, the journey ends on our own confirmation page.
    await page.goto('/connect/done');
    expect(await h1(page)).toBe('Your eID is connected');
    await expectAccessible(page);
    await context.close();
  });

  it('offers MitID after a near miss, with one neutral message, and MitID links', async () => {
    const { context, page } = await newPage(browser);
    await logInWithEid(page, 'p25');
    await typeCprAndEmail(page, cprOf('p25'), 'hans.grosse@example.com');

    await page.waitForURL('**/connect/mitid');
    expect(await h1(page)).toBe('We could not connect your eID automatically');
    const body = (await page.locator('main').textContent())!;
    expect(body).toContain('could not be matched automatically');
    expect(body).not.toMatch(CPR_LIKE);
    expect(body).not.toContain('family name');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Continue to MitID match' }).click();
    await page.waitForURL('**/dev/mitid?**');
    expect(await h1(page)).toBe('Test MitID login');
    await expectAccessible(page);
    await page.getByLabel('Test person').selectOption('p25');
    await page.getByTestId('mitid-login').click();

    await page.waitForURL(returnUrl());
    expect(await h1(page)).toBe('You are back at Demo Tax Portal');
    await expectAccessible(page);
    await page.goto('/dev/mailbox');
    expect(await page.locator('tr', { hasText: 'hans.grosse@example.com' }).count()).toBe(1);
    await context.close();
  });

  it('takes an applicant without MitID to the manual application', async () => {
    const { context, page } = await newPage(browser);
    await logInWithEid(page, 'p22');
    await typeCprAndEmail(page, cprOf('p22'), 'maria@example.com');
    await page.waitForURL('**/connect/mitid');
    await page.getByRole('link', { name: 'I do not have a MitID' }).click();
    await page.waitForURL('**/apply');
    expect(new URL(page.url()).pathname).toBe('/apply');
    expect(await page.getByTestId('after-mitid').count()).toBe(0);
    await context.close();
  });

  it('tells an applicant whose MitID did not confirm the CPR number why the manual application follows', async () => {
    const { context, page } = await newPage(browser);
    await logInWithEid(page, 'p26');
    await typeCprAndEmail(page, cprOf('p26'), 'p26.mitid@example.com');
    await page.waitForURL('**/connect/mitid');
    await page.getByRole('button', { name: 'Continue to MitID match' }).click();
    await page.waitForURL('**/dev/mitid?**');
    await page.getByLabel('Test person').selectOption('p22');
    await page.getByTestId('mitid-login').click();
    await page.waitForURL('**/apply**');
    await expect.poll(() => page.getByTestId('after-mitid').textContent()).toContain('MitID could not confirm the connection');
    expect(await page.locator('main').textContent()).not.toMatch(CPR_LIKE);
    await expectAccessible(page);
    await context.close();
  });

  it('refuses a fourth attempt with a clear message and still offers MitID, whose own gates decide, besides the manual application', async () => {
    const { context, page } = await newPage(browser);
    await logInWithEid(page, 'p34');
    for (const attempt of [1, 2]) {
      expect(await page.getByTestId('attempts-left').textContent()).toBe(`You can try ${4 - attempt} more times today.`);
      await typeCprAndEmail(page, '010101-1234', 'lukas@example.com');
      await page.waitForURL('**/connect/mitid');
      await page.getByRole('link', { name: 'Type your CPR number again' }).click();
      await page.waitForURL('**/connect');
    }
    expect(await page.getByTestId('attempts-left').textContent()).toBe('You can try 1 more time today.');
    // A second tab still shows the form: its submission will be the fourth attempt.
    const second = await context.newPage();
    await second.goto('/connect');
    await typeCprAndEmail(page, '010101-1234', 'lukas@example.com');
    await page.waitForURL('**/connect/mitid');
    expect(await page.getByRole('link', { name: 'Type your CPR number again' }).count()).toBe(0);

    await typeCprAndEmail(second, cprOf('p34'), 'lukas@example.com');
    await second.waitForURL('**/connect/limit');
    expect(await h1(second)).toBe('You have used all your attempts');
    expect(await second.getByTestId('limit-reached').textContent()).toContain('you can try to connect automatically 3 times in 24 hours');
    await expectAccessible(second);
    expect(await second.getByRole('link', { name: 'Apply with your passport or ID card' }).getAttribute('href')).toBe('/apply');
    await second.goto('/connect');
    expect(new URL(second.url()).pathname).toBe('/connect/limit');
    // MitID has its own limit, so it is offered here too, and it checks the CPR number typed last.
    expect(await second.getByRole('heading', { name: 'Connect with MitID' }).isVisible()).toBe(true);
    await second.getByRole('button', { name: 'Continue to MitID match' }).click();
    await second.waitForURL('**/dev/mitid?**');
    await second.getByLabel('Test person').selectOption('p34');
    await second.getByTestId('mitid-login').click();
    // MitID proves who holds the CPR number, not that the eID is that person: the names are another person's
    // (P34, names dissimilar), so MitID's own gates send them on to the manual application, never to a link.
    await second.waitForURL('**/apply**');
    expect(new URL(second.url()).pathname).toBe('/apply');
    await context.close();
  });

  it('refuses a return address that is not on the allow-list with a clear message', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`/start?returnTo=${encodeURIComponent('https://evil.example/steal')}`);
    expect(await h1(page)).toBe('We cannot continue from this link');
    expect(await page.getByTestId('return-to-refused').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Continue to eID login' }).count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it('fits the journey on a 320 px screen and speaks Danish', async () => {
    const { context, page } = await newPage(browser, narrow);
    await page.goto('/start');
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect.poll(() => h1(page)).toBe('Log på med dit eID');
    expect(await page.getByLabel('Hvilket land har udstedt dit eID?').locator('option', { hasText: 'Tyskland' }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByLabel('Hvilket land har udstedt dit eID?').selectOption('NL');
    await page.getByRole('button', { name: 'Fortsæt til eID-login' }).click();
    await page.waitForURL('**/dev/eid?**');
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByTestId('eid-person-x03').click();
    await page.waitForURL('**/connect');
    expect(await h1(page)).toBe('Skriv dit CPR-nummer og din e-mailadresse');
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page);
    await context.close();
  });
});

async function logInAgain(page: Page, personId: string) {
  await page.goto(`/start?returnTo=${encodeURIComponent(returnUrl())}`);
  await page.getByLabel('Which country issued your eID?').selectOption(findDemoPerson(personId)!.eid.country);
  await page.getByRole('button', { name: 'Continue to eID login' }).click();
  await page.waitForURL('**/dev/eid?**');
  await page.getByTestId(`eid-person-${personId}`).click();
  await page.waitForURL(returnUrl());
}
