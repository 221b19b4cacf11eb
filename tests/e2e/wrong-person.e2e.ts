// Never link the wrong person, as people see it: look-alikes in the register go to MitID or a caseworker, MitID links
// only at level substantial and never against the rules, the case page lists the look-alikes, and open applications
// sharing a CPR number are marked in the queue and on the case page. axe on every page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { connectAppDb, insertWaitingCase, type Sql } from './support/database';
import { baseURL, desktop, expectAccessible, launch, newPage } from './support/browser';

let browser: Browser;
let sql: Sql;
beforeAll(async () => {
  browser = await launch();
  sql = connectAppDb();
});
afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

const cprOf = (id: string) => findDemoPerson(id)!.register!.cpr;
const h1 = (page: Page) => page.locator('h1').first().textContent();

/** eID simulator as a demo person, then the CPR number and email: lands on the near-miss page. */
async function nearMiss(page: Page, personId: string, cpr: string) {
  await page.goto(`/start?returnTo=${encodeURIComponent(`${baseURL()}/dev/return`)}`);
  await page.getByLabel('Which country issued your eID?').selectOption(findDemoPerson(personId)!.eid.country);
  await page.getByRole('button', { name: 'Continue to eID login' }).click();
  await page.waitForURL('**/dev/eid?**');
  await page.getByTestId(`eid-person-${personId}`).click();
  await page.waitForURL('**/connect');
  await page.getByLabel('CPR number').fill(cpr);
  await page.getByLabel('Email address').fill(`${personId}.${Date.now()}@example.com`);
  await page.getByRole('button', { name: 'Connect my eID' }).click();
  await page.waitForURL('**/connect/mitid');
  expect(await h1(page)).toBe('We could not connect your eID automatically');
}

async function mitid(page: Page, personId: string, level: 'Low' | 'Substantial' | 'High') {
  await page.getByRole('button', { name: 'Continue to MitID match' }).click();
  await page.waitForURL('**/dev/mitid?**');
  await page.getByLabel('Test person').selectOption(personId);
  await page.locator('#mitid-level').selectOption({ label: level });
  await expectAccessible(page);
  await page.getByTestId('mitid-login').click();
}

describe('never linking the wrong person', () => {
  it('does not link a look-alike automatically: the neutral near-miss page, and MitID tells them apart', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/dev/eid?state=aaaaaaaaaaaaaaaaaaaa&nonce=bbbbbbbbbbbbbbbbbbbb');
    expect(await page.getByTestId('eid-person-card-x11').textContent()).toContain('look-alike in the register');
    await nearMiss(page, 'x11', cprOf('x11'));
    expect(await page.locator('main').textContent()).toContain('could not be matched automatically');
    await expectAccessible(page);
    await mitid(page, 'x11', 'Substantial');
    await page.waitForURL(`${baseURL()}/dev/return`);
    expect(await h1(page)).toBe('You are back at Demo Tax Portal');
    await context.close();
  });

  it('sends a MitID login below substantial, or one whose birth date differs, on to the manual application', async () => {
    for (const [person, level] of [['p27', 'Low'], ['p33', 'Substantial']] as const) {
      const { context, page } = await newPage(browser);
      await nearMiss(page, person, cprOf(person));
      await mitid(page, person, level);
      await page.waitForURL('**/apply');
      await expect.poll(() => h1(page)).not.toBe('You are back at Demo Tax Portal');
      await expectAccessible(page);
      await context.close();
    }
  });

  it('shows the caseworker the other persons in the register with the same name and birth date', async () => {
    const fixture = await insertWaitingCase(sql, {
      givenNames: 'Piotr',
      familyName: 'Nowak',
      registerGivenNames: 'Piotr',
      registerFamilyName: 'Nowak',
      dateOfBirth: '1975-01-01',
      country: 'PL',
      email: `piotr.${Date.now()}@example.com`,
      daysAgo: 1,
    });
    const { context, page } = await newPage(browser, desktop);
    await page.goto(`/caseworker/cases/${fixture.id}`);
    await page.getByLabel('Email address').fill('caseworker@demo.example');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === `/caseworker/cases/${fixture.id}`);
    const lookAlikes = page.getByTestId('look-alikes');
    expect(await lookAlikes.getByRole('heading').textContent()).toBe('2 other persons in the register have the same name and birth date');
    const rows = await lookAlikes.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    for (const id of ['x11', 'x12']) {
      const cpr = cprOf(id);
      expect(rows.some((r) => r.includes(`${cpr.slice(0, 6)}-xxx${cpr.slice(9)}`))).toBe(true);
      expect(rows.join(' ')).not.toContain(cpr);
    }
    await expectAccessible(page);
    await context.close();
  });

  it('marks two open applications for one CPR number, from two eIDs, in the queue and on the case page, in both languages, and approves one only after a look at the other', async () => {
    const person = { givenNames: 'Grażyna', familyName: 'Brzęczyszczykiewicz', registerGivenNames: 'Grażyna', registerFamilyName: 'Brzęczyszczykiewicz', dateOfBirth: '1968-04-23', daysAgo: 0.5 };
    const first = await insertWaitingCase(sql, { ...person, country: 'PL', email: `grazyna.${Date.now()}@example.com` });
    const second = await insertWaitingCase(sql, { ...person, country: 'DE', email: `g.b.${Date.now()}@example.com`, cpr: first.cpr, inRegister: false });
    const alone = await insertWaitingCase(sql, { ...person, givenNames: 'Jadwiga', registerGivenNames: 'Jadwiga', dateOfBirth: '1971-09-02', country: 'PL', email: `jadwiga.${Date.now()}@example.com` });
    expect(first.personIdentifier).not.toBe(second.personIdentifier);

    for (const [options, marker, warning] of [
      [{ ...desktop, locale: 'da-DK' }, '2 åbne ansøgninger om dette CPR-nummer', '2 åbne ansøgninger om dette CPR-nummer. Kun én af dem kan være den person, der har det.'],
      [desktop, '2 open applications for this CPR number', '2 open applications for this CPR number. Only one of them can be the person who holds it.'],
    ] as const) {
      const { context, page } = await newPage(browser, options);
      await page.goto('/caseworker?q=brzeczyszczykiewicz');
      await page.locator('input[type="email"]').fill('caseworker@demo.example');
      await page.locator('input[type="password"]').fill('demo-password');
      await page.locator('main form button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname === '/caseworker');
      const row = (reference: string) => page.getByTestId('queue-table').locator('tbody tr', { hasText: reference });
      for (const { reference } of [first, second]) expect(await row(reference).getByTestId('open-for-cpr').textContent()).toBe(marker);
      expect(await row(alone.reference).count()).toBe(1);
      expect(await row(alone.reference).getByTestId('open-for-cpr').count()).toBe(0);
      expect(await page.getByTestId('queue-table').textContent()).not.toContain(first.cpr);
      await expectAccessible(page);

      // The case page says the same, with the warning.
      await row(first.reference).getByRole('link', { name: first.reference }).click();
      await page.waitForURL((url) => url.pathname === `/caseworker/cases/${first.id}`);
      expect(await page.locator('main').textContent()).toContain(warning);
      if (options === desktop) {
        // Approving one needs the caseworker to say they looked at the other; the history keeps which one.
        await page.waitForLoadState('networkidle');
        await page.getByRole('button', { name: 'Take this case' }).click();
        await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('In review');
        const approve = page.getByRole('dialog', { name: 'Link this eID to this CPR number?' });
        await page.getByRole('button', { name: 'Approve…' }).click();
        await approve.getByRole('button', { name: 'Approve and link' }).click();
        await page.getByTestId('action-failure').waitFor();
        expect(await page.getByTestId('action-failure').textContent()).toContain('Another application for this CPR number is open. Look at it, then confirm that you have before approving.');
        expect(await page.getByTestId('case-state').textContent()).toBe('In review');
        await expectAccessible(page);
        await page.getByLabel('I have looked at the other open application for this CPR number').check();
        await page.getByRole('button', { name: 'Approve…' }).click();
        await approve.getByRole('button', { name: 'Approve and link' }).click();
        await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Approved');
        expect(await page.getByTestId('history').textContent()).toContain(`Looked first at the other open application for this CPR number: ${second.reference}.`);
        await expectAccessible(page);
        // Approved, it is no longer a second claimant: the other one stands alone in the queue.
        await page.goto('/caseworker?q=brzeczyszczykiewicz');
        expect(await row(second.reference).getByTestId('open-for-cpr').count()).toBe(0);
      }
      await context.close();
    }
    // Closed, they leave the queue of the walks that follow as they found it.
    await sql`update applications set state = 'withdrawn' where id in ${sql([second.id, alone.id])}`;
  });
});
