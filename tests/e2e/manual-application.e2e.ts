// The manual application on a phone: reached from the automatic journey, filled in, photographed and sent, then
// followed through the status link; an upload retried after a network failure, a blurry photo or an unconvertible HEIC
// told at once, typing kept over a reload, the keyboard alone, a 320 px screen, Danish, and an eID login first.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { blurryPhoto, documentPhoto, heicLikeFile, rotatedPhotoWithGps } from '../support/test-images';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { choosePhoto, continueTo, erika, fillDocumentDetails, heading, throughTheAutomaticJourney, toThePhotos, uploadedThumbnail } from './support/apply';
import { applicationOf, closeAppDatabase, eidJourney, useAppDatabase } from './support/app-data';
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

/** A phone whose owner logged in with an eID and was sent to the manual application. */
async function applicant(options = phone, person = erika): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser, options);
  await context.addCookies([{ ...(await eidJourney(person)), url: baseURL() }]);
  await page.goto('/apply');
  await expect.poll(() => heading(page)).toBe('Your document');
  return { context, page };
}

const sideways = async () => ({ name: 'IMG_0042.JPG', mimeType: 'image/jpeg', buffer: await rotatedPhotoWithGps() });

describe('the manual application on a phone', () => {
  it('is reached from the automatic journey, filled in, photographed with visible progress, sent, confirmed by email, and followed through the status link', async () => {
    const { context, page } = await newPage(browser, phone);
    const maria = findDemoPerson('p22')!;
    const email = 'maria.e2e@example.com';
    await throughTheAutomaticJourney(page, { id: maria.id, country: maria.eid.country }, '081002-4142', email);
    expect(await page.getByTestId('step-of').textContent()).toBe('Step 1 of 4: Document');
    expect(await page.getByLabel('Country of your eID').inputValue()).toBe('ES');
    await expectAccessible(page);

    // Continuing without a choice: the error is listed at the top, linked to the field, and shown next to it.
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').textContent()).toBe('Choose the type of document you have.');
    await expectAccessible(page);
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('documentType-passport');
    await page.getByLabel('Passport').check();
    await continueTo(page, 'Your details as on the document');

    // Pre-filled from the eID login and from what was typed in the automatic step.
    expect(await page.getByLabel('Given names').inputValue()).toBe('Maria');
    expect(await page.getByLabel('Family name').inputValue()).toBe('Kowalska');
    expect(await page.getByRole('group', { name: 'Date of birth' }).getByLabel('Year').inputValue()).toBe('2002');
    expect((await page.getByLabel('CPR number').inputValue()).replace(/\D/g, '')).toBe('0810024142');
    expect(await page.getByLabel('Email address', { exact: true }).inputValue()).toBe(email);
    await expectAccessible(page);

    await page.getByLabel('Email address again').fill('someone.else@example.com');
    await page.getByRole('button', { name: 'Continue' }).click();
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Enter the document number.',
      'Enter the expiry date of the document.',
      'The two email addresses are not the same.',
    ]);
    await expectAccessible(page);
    await fillDocumentDetails(page, email);
    await continueTo(page, 'Photos of your document');
    await expectAccessible(page);

    // A slow connection, so the progress bar can be seen moving.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 4_000_000, uploadThroughput: 40_000 });
    await choosePhoto(page, 'passport_photo', await sideways());
    const progress = page.getByTestId('progress-passport_photo');
    await progress.waitFor();
    expect(await page.getByText(/^Uploading: \d+ %$/).isVisible()).toBe(true);
    await expect.poll(async () => Number((await progress.getAttribute('value')) ?? 0), { timeout: 20_000 }).toBeGreaterThan(0);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const thumb = await uploadedThumbnail(page, 'passport_photo');
    // The server's thumbnail is upright (landscape, like the document), though the file was stored sideways.
    const size = await thumb.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight]);
    expect(size[0]).toBeGreaterThan(size[1]!);
    expect(await page.getByText('The photo has been uploaded. Check that everything on it can be read.').isVisible()).toBe(true);
    await expectAccessible(page);

    await continueTo(page, 'Check and send your application');
    const review = await page.locator('dl').allTextContents();
    expect(review.join(' ')).toContain('C01X00T47');
    expect(review.join(' ')).toContain('8 October 2002');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send application' }).click();
    await summary.waitFor();
    expect(await summary.getByRole('link').textContent()).toBe('Confirm that the information is correct and that we may process it.');
    await page.getByLabel(/I confirm that the information is correct/).check();
    await page.getByRole('button', { name: 'Send application' }).click();

    await expect.poll(() => heading(page)).toBe('Your application has been sent');
    const reference = (await page.getByTestId('reference').textContent())!.trim();
    expect(reference).toMatch(/^IM-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await expectAccessible(page);
    // A reload shows the receipt again, not an empty form.
    await page.reload();
    expect(await page.getByTestId('reference').textContent()).toBe(reference);

    await page.goto('/dev/mailbox');
    await page.getByRole('link', { name: `We have received your application ${reference}` }).click();
    expect(await page.getByTestId('email-text').textContent()).not.toMatch(/081002|0810024142/);
    // The application carries the eID identity and why the automatic match failed, for the caseworker.
    expect(await applicationOf(reference)).toMatchObject({ personIdentifier: maria.eid.personIdentifier, country: 'ES', state: 'submitted' });
    expect((await applicationOf(reference)).matchReasons.length).toBeGreaterThan(0);
    const link = await page.frameLocator('iframe').getByRole('link', { name: 'Follow your application' }).getAttribute('href');
    expect(link).toMatch(new RegExp(`^${baseURL()}/status#[A-Za-z0-9_-]{43}$`));
    await context.close();

    // The link opened on another phone: the token leaves the address bar, the application shows.
    const other = await newPage(browser, phone);
    await other.page.goto(link!);
    await other.page.getByTestId('status-reference').waitFor();
    expect(other.page.url()).toBe(`${baseURL()}/status`);
    expect(await other.page.getByTestId('status-reference').textContent()).toBe(reference);
    expect(await other.page.getByTestId('status-state').textContent()).toContain('Received');
    expect(await other.page.getByTestId('history').textContent()).toContain('You sent your application.');
    const own = other.page.getByRole('img', { name: 'Photo page of your passport' });
    await expect.poll(() => own.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    await expectAccessible(other.page);
    await other.context.close();
  });

  it('retries an upload after a network failure without taking the photo again', async () => {
    const { context, page } = await applicant();
    await toThePhotos(page, 'National ID card');
    let failures = 0;
    await page.route('**/api/v1/uploads', async (route) => {
      if (failures++ === 0) return route.abort('internetdisconnected');
      return route.continue();
    });
    await choosePhoto(page, 'id_front', { name: 'front.jpg', mimeType: 'image/jpeg', buffer: await documentPhoto('id_front') });
    const error = page.getByTestId('upload-error-id_front');
    await error.waitFor();
    expect(await error.textContent()).toContain('The upload stopped. Check your internet connection and try again');
    await expectAccessible(page);
    await error.getByRole('button', { name: 'Try again' }).click();
    await uploadedThumbnail(page, 'id_front');
    expect(failures).toBe(2);

    // The back is missing: the step is not left until it is there.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').getByRole('link').textContent()).toBe('Back of your ID card: Add a photo of your document.');
    await choosePhoto(page, 'id_back', { name: 'back.jpg', mimeType: 'image/jpeg', buffer: await documentPhoto('id_back') }, 'Take photo');
    await uploadedThumbnail(page, 'id_back');

    // Replacing a photo: the new one takes its place.
    const before = await page.getByTestId('photo-id_front').locator('img').getAttribute('src');
    await choosePhoto(page, 'id_front', { name: 'front2.jpg', mimeType: 'image/jpeg', buffer: await documentPhoto('id_front', 2000) }, 'Choose another file');
    await expect.poll(() => page.getByTestId('photo-id_front').locator('img').getAttribute('src'), { timeout: 20_000 }).not.toBe(before);
    await continueTo(page, 'Check and send your application');
    await context.close();
  });

  it('tells at once when a photo is blurry (with one way to take it again) or is an iPhone HEIC the browser could not convert', async () => {
    const { context, page } = await applicant();
    await toThePhotos(page, 'Passport');
    await choosePhoto(page, 'passport_photo', { name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: heicLikeFile() });
    const error = page.getByTestId('upload-error-passport_photo');
    await error.waitFor();
    expect(await error.textContent()).toBe('We cannot read HEIC photos. Take the photo again or choose a JPEG.');
    expect(await error.getByRole('button').count()).toBe(0);

    await choosePhoto(page, 'passport_photo', { name: 'blurry.jpg', mimeType: 'image/jpeg', buffer: await blurryPhoto() });
    const hints = page.getByTestId('hints-passport_photo');
    await hints.waitFor();
    expect(await hints.textContent()).toContain('The photo is blurry. Hold the phone still and let it focus.');
    // One button takes the photo again: the hint points to it rather than repeating it.
    expect(await hints.getByRole('button').count()).toBe(0);
    expect(await page.getByTestId('photo-passport_photo').getByRole('button', { name: 'Take the photo again' }).count()).toBe(1);
    expect(await hints.textContent()).toContain('use “Take the photo again” or “Choose another file” below');
    await expectAccessible(page);
    await context.close();
  });

  it('keeps what was typed when the phone reloads', async () => {
    const { context, page } = await applicant();
    await page.getByLabel('Passport').check();
    await continueTo(page, 'Your details as on the document');
    await page.getByLabel('Family name').fill('Mustermann-Schmidt');
    await fillDocumentDetails(page);
    // Saved a moment after typing stops, even without pressing Continue.
    await page.waitForResponse((res) => res.url().endsWith('/api/v1/applications/draft') && res.status() === 204);
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Your details as on the document');
    // The heading is there from the server's HTML; what only this browser kept comes back once the form has loaded.
    await expect.poll(() => page.getByLabel('Family name').inputValue()).toBe('Mustermann-Schmidt');
    await continueTo(page, 'Photos of your document');
    await choosePhoto(page, 'passport_photo', await sideways());
    await uploadedThumbnail(page, 'passport_photo');
    await page.waitForLoadState('networkidle');

    await page.reload();
    await expect.poll(() => heading(page)).toBe('Photos of your document');
    await uploadedThumbnail(page, 'passport_photo');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => heading(page)).toBe('Your details as on the document');
    // The heading is there from the server's HTML; what only this browser kept comes back once the form has loaded.
    await expect.poll(() => page.getByLabel('Family name').inputValue()).toBe('Mustermann-Schmidt');
    expect(await page.getByLabel('Document number').inputValue()).toBe('C01X00T47');
    await context.close();
  });

  it('can be completed with the keyboard alone', async () => {
    const { context, page } = await applicant();
    const tabTo = async (matches: (el: { id: string; text: string; tag: string }) => boolean, max = 60) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const el = await page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent?.trim() ?? '', tag: document.activeElement?.tagName ?? '' }));
        if (matches(el)) return;
      }
      throw new Error('focus never reached the element');
    };
    const button = (text: string) => (el: { text: string; tag: string }) => el.tag === 'BUTTON' && el.text === text;

    await tabTo((el) => el.id === 'documentType-passport');
    await page.keyboard.press('Space');
    await tabTo(button('Continue'));
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Your details as on the document');
    // Focus moved to the new step's heading, so the next Tab continues in the form.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // Continue too early: focus lands on the error summary; its first link leads to the field, and typing there
    // keeps the focus (the summary does not move while the errors change).
    await tabTo(button('Continue'));
    await page.keyboard.press('Enter');
    await page.getByTestId('error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Enter the document number.');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('documentNumber');
    await page.keyboard.type('C01X00T47');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('documentNumber');
    await page.keyboard.press('Tab');
    await page.keyboard.type('30');
    await page.keyboard.press('Tab');
    await page.keyboard.type('6');
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(new Date().getUTCFullYear() + 4));
    await tabTo((el) => el.id === 'emailConfirm');
    await page.keyboard.type(erika.email);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Photos of your document');

    await tabTo(button('Choose file'));
    // Enter on the focused button opens the file picker. Right after the step changes the page may still be
    // settling, so the key is pressed again (still on the same button) if no picker opened.
    const openPicker = async () => {
      for (let i = 0; i < 3; i++) {
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Choose file');
        const picker = page.waitForEvent('filechooser', { timeout: 5_000 }).catch(() => null);
        await page.keyboard.press('Enter');
        const opened = await picker;
        if (opened) return opened;
      }
      throw new Error('Enter on "Choose file" never opened the file picker');
    };
    const chooser = await openPicker();
    await chooser.setFiles(await sideways());
    await uploadedThumbnail(page, 'passport_photo');
    await tabTo(button('Continue'));
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Check and send your application');

    await tabTo((el) => el.id === 'consent');
    await page.keyboard.press('Space');
    await tabTo(button('Send application'));
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Your application has been sent');
    await context.close();
  });

  it('fits a 320 px wide screen on every step without sideways scrolling', async () => {
    const { context, page } = await applicant(narrow);
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByLabel('Passport').check();
    await continueTo(page, 'Your details as on the document');
    expect(await scrollsSideways(page)).toBe(false);
    await fillDocumentDetails(page);
    await continueTo(page, 'Photos of your document');
    await choosePhoto(page, 'passport_photo', await sideways());
    await uploadedThumbnail(page, 'passport_photo');
    expect(await scrollsSideways(page)).toBe(false);
    await continueTo(page, 'Check and send your application');
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByLabel(/I confirm/).check();
    await page.getByRole('button', { name: 'Send application' }).click();
    await expect.poll(() => heading(page)).toBe('Your application has been sent');
    expect(await scrollsSideways(page)).toBe(false);
    await context.close();
  });

  it('speaks Danish, error messages included', async () => {
    const { context, page } = await applicant();
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect.poll(() => heading(page)).toBe('Dit dokument');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').getByRole('link').textContent()).toBe('Vælg den type dokument, du har.');
    await expectAccessible(page);
    await context.close();
  });

  it('sends an applicant without an eID login to log in first', async () => {
    const { context, page } = await newPage(browser, phone);
    await page.goto('/apply');
    expect(await heading(page)).toBe('Log in with your eID first');
    expect(await page.getByRole('link', { name: 'Continue with non-Danish eID' }).getAttribute('href')).toBe('/start');
    await expectAccessible(page);
    await context.close();
  });
});
