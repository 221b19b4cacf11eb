// One open application per eID, as the person sees it: a later eID login that reaches the manual application is
// shown the open application's reference and can have its status link sent again to the email on the application,
// a fresh link without the CPR number; no second application is created. In English and Danish, axe on every page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { documentPhoto } from '../support/test-images';
import { eidJourney, submittedOverHttp } from './support/app-data';
import { baseURL, expectAccessible, narrow, newPage, phone, scrollsSideways } from './support/browser';
import { openBrowserAndDb } from './support/suite';

const suite = openBrowserAndDb();

// A near miss ("spelling variant") that no other walk applies with.
const person = findDemoPerson('p28')!;
const h1 = async (page: Page) => (await page.locator('h1').first().textContent())?.trim();

const applicationsOf = async (personIdentifier: string) =>
  suite.sql<{ reference: string; state: string }[]>`select reference, state from applications where person_identifier = ${personIdentifier} order by submitted_at`;

describe('starting the manual application again while one is open', () => {
  it('shows the open application’s reference, sends its status link again to the email on it, and creates no second one', async () => {
    // The first application, sent earlier from this eID through the application routes.
    const email = `p28.${Date.now()}@example.com`;
    const cookie = await eidJourney({ givenNames: person.eid.givenNames, familyName: person.eid.familyName, dateOfBirth: person.eid.dateOfBirth, country: person.eid.country, cpr: person.register!.cpr, email, personIdentifier: person.eid.personIdentifier });
    const first = await submittedOverHttp(baseURL(), cookie, await documentPhoto(), email);
    expect(await applicationsOf(person.eid.personIdentifier)).toEqual([{ reference: first.reference, state: 'submitted' }]);

    // Days later, on another phone: the eID login, the CPR number, a near miss, no MitID.
    const { context, page } = await newPage(suite.browser, phone);
    await page.goto('/');
    await page.getByRole('link', { name: 'Continue with non-Danish eID' }).click();
    await page.waitForURL('**/start');
    await page.getByLabel('Which country issued your eID?').selectOption(person.eid.country);
    await page.getByRole('button', { name: 'Continue to eID login' }).click();
    await page.waitForURL('**/dev/eid?**');
    await page.getByTestId(`eid-person-${person.id}`).click();
    await page.waitForURL('**/connect');
    await page.getByLabel('CPR number').fill(person.register!.cpr);
    await page.getByLabel('Email address').fill(`someone.else.${Date.now()}@example.com`);
    await page.getByRole('button', { name: 'Connect my eID' }).click();
    await page.waitForURL('**/connect/mitid');
    await page.getByRole('link', { name: 'I do not have a MitID' }).click();
    await page.waitForURL('**/apply');

    // Not a second form: the open application, by its reference.
    await expect.poll(() => h1(page)).toBe('You already have an application in progress');
    const open = page.getByTestId('open-application');
    expect(await open.getByTestId('reference').textContent()).toBe(first.reference);
    expect(await open.textContent()).toContain('Follow it with the personal link in the email we sent you when you applied.');
    expect(await open.textContent()).not.toContain(person.register!.cpr);
    expect(await page.getByRole('button', { name: 'Send application' }).count()).toBe(0);
    await expectAccessible(page);

    // Keyboard: the button is reached and pressed without a mouse.
    const resend = page.getByRole('button', { name: 'Send the link again' });
    await resend.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/apply?link=sent');
    expect(await open.getByRole('status').textContent()).toBe('We have sent a new link to the email address given in the application.');
    await expectAccessible(page);
    await context.close();

    // The email went to the address on the application (not the one typed today), with a fresh link and no CPR number.
    const mail = await newPage(suite.browser, phone);
    await mail.page.goto('/dev/mailbox');
    await mail.page.locator('tr', { hasText: email }).getByRole('link', { name: `A new link to your application ${first.reference}` }).click();
    await mail.page.waitForURL('**/dev/mailbox/*');
    expect(await mail.page.locator('main').textContent()).toContain(email);
    const text = (await mail.page.getByTestId('email-text').textContent())!;
    expect(text).toContain(first.reference);
    expect(text).not.toContain(person.register!.cpr);
    expect(text).not.toContain(person.register!.cpr.replace(/^(\d{6})/, '$1-'));
    const fresh = await mail.page.frameLocator('iframe').getByRole('link', { name: 'Follow your application' }).getAttribute('href');
    expect(fresh).toMatch(new RegExp(`^${baseURL()}/status#[A-Za-z0-9_-]{43}$`));
    expect(fresh).not.toBe(first.link);
    await mail.context.close();

    // The fresh link opens the application; the one from the first email no longer does.
    const status = await newPage(suite.browser, phone);
    await status.page.goto(fresh!);
    await status.page.getByTestId('status-reference').waitFor();
    expect(await status.page.getByTestId('status-reference').textContent()).toBe(first.reference);
    await expectAccessible(status.page);
    await status.context.close();
    const stale = await newPage(suite.browser, phone);
    await stale.page.goto(first.link);
    await stale.page.getByTestId('status-link-problem').waitFor();
    expect(await h1(stale.page)).toBe('This link does not work');
    await stale.context.close();

    // Still one application for this eID.
    expect(await applicationsOf(person.eid.personIdentifier)).toEqual([{ reference: first.reference, state: 'submitted' }]);
  });

  it('says the same in Danish on a 320 px phone', async () => {
    const applicant = { givenNames: 'Erika', familyName: 'Mustermann', dateOfBirth: '1985-03-15', country: 'DE', cpr: '150385-1234', email: `erika.${Date.now()}@example.com`, personIdentifier: `DE/DK/E2E-open-${Date.now()}` };
    const { reference } = await submittedOverHttp(baseURL(), await eidJourney(applicant), await documentPhoto(), applicant.email);
    // A later eID login of the same person, sent on to the manual application.
    const { context, page } = await newPage(suite.browser, { ...narrow, locale: 'da-DK' });
    await context.addCookies([{ ...(await eidJourney(applicant)), url: baseURL() }]);
    await page.goto('/apply');
    await expect.poll(() => h1(page)).toBe('Du har allerede en ansøgning under behandling');
    expect(await page.getByTestId('reference').textContent()).toBe(reference);
    expect(await page.getByRole('button', { name: 'Send linket igen' }).isVisible()).toBe(true);
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page);
    await context.close();
    expect(await applicationsOf(applicant.personIdentifier)).toEqual([{ reference, state: 'submitted' }]);
  });
});
