import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { documentPhoto } from '../support/test-images';
import { erika, heading, uploadedThumbnail } from './support/apply';
import { caseworkerAsks, closeAppDatabase, eidJourney, latestStatusLink, submittedOverHttp, useAppDatabase } from './support/app-data';
import { baseURL, expectAccessible, launch, narrow, newPage, phone, scrollsSideways } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  useAppDatabase(inject('dataDir'), baseURL());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await closeAppDatabase();
});

async function application() {
  return submittedOverHttp(baseURL(), await eidJourney(erika), await documentPhoto());
}

describe("the applicant's status page", () => {
  it('shows a request for more information and takes the answer: new photo, corrected name, message', async () => {
    const app = await application();
    await caseworkerAsks(
      app.applicationId,
      [{ type: 'photo', target: 'passport_photo' }, { type: 'field', target: 'familyName' }, { type: 'question' }],
      'The photo has glare over your name. Please send a new photo and check the spelling of your family name. Do you have a second family name?',
    );
    const { context, page } = await newPage(browser, phone);
    // The first email's link was replaced by the one in the request email.
    await page.goto(app.link);
    await page.getByTestId('status-link-problem').waitFor();
    expect(await heading(page)).toBe('This link does not work');
    await expectAccessible(page);

    await page.goto('about:blank');
    await page.goto(await latestStatusLink(app.reference));
    await page.getByTestId('status-reference').waitFor();
    expect(await page.getByTestId('status-state').textContent()).toContain('We need more information from you');
    expect(await page.getByTestId('request-message').textContent()).toContain('The photo has glare over your name.');
    expect(await page.getByLabel('Family name').inputValue()).toBe('Mustermann');
    await expectAccessible(page);

    // Sending without the photo and the answer: both are named, at the top and next to the fields.
    await page.getByRole('button', { name: 'Send answer' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Add the photo we asked for.', "Write an answer to the caseworker's question."]);
    await expectAccessible(page);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('photo-passport_photo').getByRole('button', { name: 'Choose file' }).click()]);
    await chooser.setFiles({ name: 'new.jpg', mimeType: 'image/jpeg', buffer: await documentPhoto('passport_photo', 2400) });
    await uploadedThumbnail(page, 'passport_photo');
    await page.getByLabel('Family name').fill('Mustermann Schmidt');
    await page.getByLabel("Your answer to the caseworker").fill('Here is a new photo without glare. Schmidt is my second family name.');
    await page.getByRole('button', { name: 'Send answer' }).click();

    await expect.poll(async () => page.getByTestId('status-state').textContent()).toContain('Received');
    expect(await page.getByTestId('history').textContent()).toContain('You sent more information.');
    expect(await page.getByTestId('answer-form').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Sent with answer 1' }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: 'Photo page of your passport' }).count()).toBe(2);
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page);
    await context.close();
  });

  it('lets the applicant withdraw after confirming', async () => {
    const app = await application();
    const { context, page } = await newPage(browser, narrow);
    const exchanges: string[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('/api/v1/applications/status/session')) exchanges.push(req.method());
    });
    await page.goto(app.link);
    await page.getByTestId('status-reference').waitFor();
    // The token is exchanged once; the page then stays at the plain address.
    await page.waitForTimeout(1000);
    expect(exchanges).toEqual(['POST']);
    expect(page.url()).toBe(`${baseURL()}/status`);
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Withdraw application' }).click();
    await page.getByText('Do you want to withdraw your application?').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await expect.poll(async () => page.getByTestId('status-state').textContent()).toContain('Withdrawn');
    expect(await page.getByRole('button', { name: 'Withdraw application' }).count()).toBe(0);
    expect(await page.getByTestId('history').textContent()).toContain('You withdrew your application.');

    // On a shared phone the applicant closes the page; the application is no longer shown there.
    await page.getByRole('button', { name: 'Close your application on this device' }).click();
    await expect.poll(() => heading(page)).toBe('Open the link from your email');
    expect(await page.getByTestId('status-reference').count()).toBe(0);
    await context.close();
  });

  it('explains what to do when there is no link, or the link is wrong', async () => {
    const { context, page } = await newPage(browser, phone);
    await page.goto('/status');
    await expect.poll(() => heading(page)).toBe('Open the link from your email');
    await expectAccessible(page);
    await page.goto('about:blank');
    await page.goto('/status#not-a-real-token');
    await page.getByTestId('status-link-problem').waitFor();
    expect(await page.getByTestId('status-link-problem').textContent()).toContain('This link is not valid.');
    expect(page.url()).toBe(`${baseURL()}/status`);
    await context.close();
  });
});
