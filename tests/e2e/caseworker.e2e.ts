// A caseworker's day on a desktop: sign-in, the queue filtered, the oldest case taken, the passport photo zoomed and
// rotated, more information asked for and answered by the applicant on a phone, the approval, every view of the photo
// recorded, and the applicant's emails without the CPR number.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { documentPhoto } from '../support/test-images';
import { uploadedThumbnail } from './support/apply';
import { latestStatusLink } from './support/app-data';
import { insertWaitingCase } from './support/database';
import { desktop, expectAccessible, newPage, phone } from './support/browser';
import { openBrowserAndDb } from './support/suite';

const suite = openBrowserAndDb();

const state = (page: Page) => page.getByTestId('case-state').textContent();

describe('a caseworker’s day', () => {
  it('filters the queue, takes the next case, studies the photo, asks for more, and approves after the answer', async () => {
    // The oldest waiting case: the applicant typed MUELLER where the register says Müller.
    const email = `anna.${Date.now()}@example.com`;
    const fixture = await insertWaitingCase(suite.sql, {
      givenNames: 'ANNA SOFIE',
      familyName: 'MUELLER',
      registerGivenNames: 'Anna Sofie',
      registerFamilyName: 'Müller',
      dateOfBirth: '1984-11-23',
      country: 'DE',
      email,
      daysAgo: 400,
    });

    const { context, page } = await newPage(suite.browser, desktop);
    await page.goto('/caseworker');
    await page.waitForURL('**/signin?callbackUrl=%2Fcaseworker');
    await page.getByLabel('Email address').fill('caseworker@demo.example');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/caseworker');
    expect(await page.locator('h1').textContent()).toBe('Applications');
    await expectAccessible(page);

    // Filter: waiting applications from Germany. The filters land in the URL.
    await page.getByLabel('State', { exact: true }).selectOption('submitted');
    await page.getByLabel('eID country').selectOption('DE');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.get('country') === 'DE' && url.searchParams.get('state') === 'submitted');
    const rows = page.getByTestId('queue-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-country')} ${tr.getAttribute('data-state')}`)))).toEqual(new Set(['DE submitted']));
    expect(await rows.first().locator('td').first().textContent()).toBe(fixture.reference);
    expect(await rows.first().locator('td').last().textContent()).toContain('over the 5-day target');
    await expectAccessible(page);

    // Take the next case: the oldest waiting one.
    await page.getByRole('button', { name: 'Take next case' }).click();
    await page.waitForURL(`**/caseworker/cases/${fixture.id}`);
    expect(await page.locator('h1').textContent()).toBe(`Case ${fixture.reference}`);
    expect(await state(page)).toBe('In review');
    const family = page.getByTestId('comparison').locator('tr[data-field="familyName"]');
    expect(await family.locator('td[data-source="applicant"]').textContent()).toBe('MUELLER Agrees');
    expect(await family.locator('td[data-source="register"]').textContent()).toBe('Müller');
    await expectAccessible(page);

    // Zoom and rotate the passport photo, with the buttons and with the keyboard.
    const image = page.getByTestId('viewer-image');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Rotate right' }).click();
    expect(await page.getByTestId('viewer-status').textContent()).toBe('Zoom 150 %, rotated 90°');
    await page.getByRole('group', { name: 'Passport photo page, round 1' }).focus();
    await page.keyboard.press('+');
    await page.keyboard.press('r');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByTestId('viewer-status').textContent()).toBe('Zoom 175 %, rotated 180°');
    expect(await image.getAttribute('style')).toContain('rotate(180deg) scale(1.75)');

    // Shortcuts never fire inside a text field; outside one they move to the form.
    await page.getByLabel('New note').fill('');
    await page.getByLabel('New note').pressSequentially('a note');
    expect(await page.getByLabel('New note').inputValue()).toBe('a note');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => page.getByTestId('notes').textContent()).toContain('a note');
    await page.locator('h1').click();
    await page.keyboard.press('i');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('info-photo-passport_photo');

    // Request more information.
    await page.getByLabel('A new photo: Passport photo page').check();
    await page.getByLabel('Correct: family name').check();
    await page.getByLabel('Message to the applicant').fill('Your photo is blurred. Please take a new one in daylight.');
    await page.getByRole('button', { name: 'Send the request' }).click();
    await expect.poll(() => state(page)).toBe('Awaiting the applicant');
    await expectAccessible(page);

    // The applicant answers from the status link in the request email, on a phone; the case is back in the queue.
    const applicant = await newPage(suite.browser, phone);
    await applicant.page.goto(await latestStatusLink(fixture.reference));
    await applicant.page.getByTestId('answer-form').waitFor();
    expect(await applicant.page.getByTestId('request-message').textContent()).toContain('Your photo is blurred.');
    const [chooser] = await Promise.all([
      applicant.page.waitForEvent('filechooser'),
      applicant.page.getByTestId('photo-passport_photo').getByRole('button', { name: 'Choose file' }).click(),
    ]);
    await chooser.setFiles({ name: 'daylight.jpg', mimeType: 'image/jpeg', buffer: await documentPhoto('passport_photo', 2400) });
    await uploadedThumbnail(applicant.page, 'passport_photo');
    await applicant.page.getByLabel('Family name').fill('Müller');
    await applicant.page.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => applicant.page.getByTestId('status-state').textContent()).toContain('Received');
    await applicant.context.close();
    await page.reload();
    expect(await state(page)).toBe('Waiting');
    // What the answer changed is shown to whoever decides next.
    expect(await page.getByTestId('answer-changes').textContent()).toBe('family name: MUELLER → Müller');
    expect(await page.getByTestId('cpr-changed').count()).toBe(0);

    await page.getByRole('button', { name: 'Take this case' }).click();
    await expect.poll(() => state(page)).toBe('In review');
    await page.getByRole('button', { name: 'Approve…' }).click();
    await page.getByRole('dialog', { name: 'Link this eID to this CPR number?' }).getByRole('button', { name: 'Approve and link' }).click();
    await expect.poll(() => state(page)).toBe('Approved');
    expect(await page.getByTestId('case-outcome').textContent()).toContain(`The eID ${fixture.personIdentifier} is linked to the CPR number (caseworker approval).`);
    expect(await page.getByTestId('related-links').textContent()).toContain(fixture.personIdentifier);
    expect(await page.getByTestId('history').textContent()).toContain('Camilla Caseworker approved the application and linked the eID to the CPR number.');
    await expectAccessible(page);

    // Every view of the photo was recorded.
    const views = await suite.sql<{ n: number }[]>`select count(*)::int as n from application_events where application_id = ${fixture.id} and type = 'document_viewed'`;
    expect(views[0]!.n).toBeGreaterThanOrEqual(2);

    // The applicant's emails, in the demo mailbox, without the CPR number.
    await page.goto('/dev/mailbox');
    const mails = page.locator('tr', { hasText: email });
    await expect.poll(() => mails.count()).toBe(3);
    expect(await mails.allTextContents()).toEqual([
      expect.stringContaining('Your eID is now connected to your CPR number'),
      expect.stringContaining('We have received your answer'),
      expect.stringContaining('We need more information for your application'),
    ]);
    await mails.first().getByRole('link').click();
    const text = (await page.getByTestId('email-text').textContent()) ?? '';
    expect(text).toContain(fixture.reference);
    expect(text).not.toContain(fixture.cpr.slice(0, 6));
    await context.close();
  });
});
