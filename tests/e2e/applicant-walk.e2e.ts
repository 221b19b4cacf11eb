// What new applicants on 360 and 320 px phones ran into, each as they see it now: Back and Forward through the form,
// errors that name their field, focus after a photo upload, a title per step, a reload straight after typing, the
// numeric keyboard for the CPR number, no hydration error, AVIF told apart from HEIC, and the Danish wording and
// layout of the first steps.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { avifLikeFile, avifPhoto, documentPhoto, heicLikeFile } from '../support/test-images';
import { choosePhoto, continueTo, erika, fillDocumentDetails, heading, toThePhotos, uploadedThumbnail } from './support/apply';
import { closeAppDatabase, eidJourney, useAppDatabase } from './support/app-data';
import { baseURL, expectAccessible, launch, narrow, newPage } from './support/browser';

const phone360: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const UNSAVED = 'im.apply.unsaved';

let browser: Browser;
beforeAll(async () => {
  useAppDatabase(inject('dataDir'), baseURL());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await closeAppDatabase();
});

async function applicant(options = phone360, person = erika): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context, page } = await newPage(browser, options);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await context.addCookies([{ ...(await eidJourney(person)), url: baseURL() }]);
  await page.goto('/apply');
  await expect.poll(() => heading(page)).toBe('Your document');
  await formReady(page);
  return { context, page, errors };
}

/** The form has taken over the page (it writes its step into the address): what a person taps now is the form's. */
const formReady = (page: Page) => page.waitForURL(/[?&]step=1(&|$)/);
const stepInUrl = (page: Page) => new URL(page.url()).searchParams.get('step');
const passport = async () => ({ name: 'passport.jpg', mimeType: 'image/jpeg', buffer: await documentPhoto('passport_photo') });

describe('the manual form on a 360 px phone', () => {
  it('moves between steps with the phone\'s Back and Forward, keeps everything, and after sending shows only the receipt', async () => {
    const { context, page } = await applicant();
    expect(stepInUrl(page)).toBe('1');
    const titles = [await page.title()];
    await page.getByLabel('Passport').check();
    await continueTo(page, 'Your details as on the document');
    expect(stepInUrl(page)).toBe('2');
    titles.push(await page.title());
    await page.getByLabel('Family name').fill('Mustermann-Lüdenscheid');
    await fillDocumentDetails(page);
    await continueTo(page, 'Photos of your document');
    titles.push(await page.title());
    await choosePhoto(page, 'passport_photo', await passport());
    await uploadedThumbnail(page, 'passport_photo');
    await continueTo(page, 'Check and send your application');
    expect(stepInUrl(page)).toBe('4');
    titles.push(await page.title());

    await page.goBack();
    await expect.poll(() => heading(page)).toBe('Photos of your document');
    await uploadedThumbnail(page, 'passport_photo');
    await page.goBack();
    await expect.poll(() => heading(page)).toBe('Your details as on the document');
    expect(await page.getByLabel('Family name').inputValue()).toBe('Mustermann-Lüdenscheid');
    await page.goForward();
    await expect.poll(() => heading(page)).toBe('Photos of your document');
    await uploadedThumbnail(page, 'passport_photo');
    await page.goForward();
    await expect.poll(() => heading(page)).toBe('Check and send your application');
    await expectAccessible(page);

    await page.getByLabel(/I confirm/).check();
    await page.getByRole('button', { name: 'Send application' }).click();
    await expect.poll(() => heading(page)).toBe('Your application has been sent');
    titles.push(await page.title());
    // Every step and the receipt has its own title.
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.at(-1)).toContain('Your application has been sent');
    const reference = await page.getByTestId('reference').textContent();
    for (const move of ['back', 'back', 'forward', 'back'] as const) {
      await (move === 'back' ? page.goBack() : page.goForward());
      await expect.poll(() => page.getByTestId('reference').textContent().catch(() => null)).toBe(reference);
      expect(await page.getByRole('button', { name: 'Continue' }).count()).toBe(0);
    }
    // Nothing of the form stays behind in the browser after sending.
    expect(await page.evaluate((key) => sessionStorage.getItem(key), UNSAVED)).toBeNull();
    await context.close();
  });

  it('leaves the form only from its first step: Back on step 2 returns to step 1', async () => {
    const { context, page } = await newPage(browser, phone360);
    await context.addCookies([{ ...(await eidJourney(erika)), url: baseURL() }]);
    await page.goto('/accessibility');
    await page.goto('/apply');
    await formReady(page);
    await page.getByLabel('National ID card').check();
    await continueTo(page, 'Your details as on the document');
    await page.goBack();
    await expect.poll(() => heading(page)).toBe('Your document');
    expect(await page.getByLabel('National ID card').isChecked()).toBe(true);
    await page.goBack();
    await page.waitForURL('**/accessibility');
    await page.goForward();
    await expect.poll(() => heading(page)).toBe('Your document');
    await page.goForward();
    await expect.poll(() => heading(page)).toBe('Your details as on the document');
    await context.close();
  });

  it('names the field in every error summary entry, in English and Danish, each linked to its field', async () => {
    const { context, page } = await applicant();
    await page.getByLabel('Passport').check();
    await continueTo(page, 'Your details as on the document');
    await page.getByLabel('Given names').fill('');
    await page.getByLabel('Family name').fill('');
    await page.getByLabel('CPR number').fill('');
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    const links = await summary.getByRole('link').allTextContents();
    expect(links).toEqual(['Enter your given names.', 'Enter your family name.', 'Enter the document number.', 'Enter the expiry date of the document.', 'Enter your CPR number.', 'Enter your email address again.']);
    expect(new Set(links).size).toBe(links.length);
    // The message next to the field says the same.
    expect(await page.locator('#familyName-error').textContent()).toContain('Enter your family name.');
    await summary.getByRole('link', { name: 'Enter your family name.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('familyName');
    await page.getByLabel('Given names').fill('Erika 2');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => summary.getByRole('link').first().textContent()).toBe('Given names: A name cannot contain digits.');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect.poll(() => heading(page)).toBe('Dine oplysninger som på dokumentet');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await summary.waitFor();
    const danish = await summary.getByRole('link').allTextContents();
    expect(danish).toContain('Skriv dit efternavn.');
    expect(danish).toContain('Skriv dit CPR-nummer.');
    await context.close();
  });

  it('moves focus to the uploaded photo\'s status, with a visible focus ring', async () => {
    const { context, page } = await applicant(narrow);
    await toThePhotos(page, 'Passport');
    await choosePhoto(page, 'passport_photo', await passport());
    await uploadedThumbnail(page, 'passport_photo');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('status-passport_photo');
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    // The step's heading, focused after Continue, shows the ring too.
    await continueTo(page, 'Check and send your application');
    expect(await page.evaluate(() => [document.activeElement?.tagName, getComputedStyle(document.activeElement!).outlineStyle])).toEqual(['H1', 'solid']);
    await context.close();
  });

  it('keeps the last field typed when the phone reloads at once, and then keeps no copy in the browser', async () => {
    const { context, page } = await applicant();
    await page.getByLabel('Passport').check();
    await continueTo(page, 'Your details as on the document');
    await fillDocumentDetails(page);
    await page.getByLabel('Phone number (optional)').fill('+49 151 2345678');
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Your details as on the document');
    await expect.poll(() => page.getByLabel('Phone number (optional)').inputValue()).toBe('+49 151 2345678');
    expect(await page.getByLabel('Document number').inputValue()).toBe('C01X00T47');
    // Once the server has saved it, the browser's copy (which holds the CPR number) is gone.
    await expect.poll(() => page.evaluate((key) => sessionStorage.getItem(key), UNSAVED), { timeout: 10_000 }).toBeNull();
    await context.close();
  });

  it('shows step 2 after a reload without a hydration error, country names included', async () => {
    const { context, page, errors } = await applicant();
    await page.getByLabel('Passport').check();
    await continueTo(page, 'Your details as on the document');
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Your details as on the document');
    await page.getByLabel('Nationality').selectOption('HK');
    expect(await page.locator('#nationality option[value="HK"]').textContent()).toBe('Hong Kong');
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect.poll(() => heading(page)).toBe('Dine oplysninger som på dokumentet');
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Dine oplysninger som på dokumentet');
    expect(await page.locator('#nationality option[value="PS"]').textContent()).toBe('Palæstina');
    await page.waitForLoadState('networkidle');
    expect(errors.filter((e) => /418|hydrat/i.test(e))).toEqual([]);
    await context.close();
  });

  it('tells an AVIF image apart from an iPhone HEIC photo, in English and Danish, and takes an AVIF the browser can draw', async () => {
    const { context, page } = await applicant();
    await toThePhotos(page, 'Passport');
    const error = page.getByTestId('upload-error-passport_photo');
    const shown = () => (error.count().then((n) => (n ? error.textContent() : null)));
    /** Chooses the file and waits for the refusal that replaces the message shown before. */
    const refusal = async (file: { name: string; mimeType: string; buffer: Buffer }, button: string) => {
      const before = await shown();
      await choosePhoto(page, 'passport_photo', file, button);
      const fresh = async () => {
        const text = await shown();
        return text !== null && text !== before ? text : null;
      };
      await expect.poll(fresh, { timeout: 15_000 }).not.toBeNull();
      return fresh();
    };
    const avif = { name: 'PXL_0001.avif', mimeType: 'image/avif', buffer: avifLikeFile() };
    const heic = { name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: heicLikeFile() };
    expect(await refusal(avif, 'Choose file')).toBe('We cannot read AVIF images. Choose a JPEG, PNG or WebP photo, or take the photo again with the camera.');
    expect(await refusal(heic, 'Choose file')).toBe('We cannot read HEIC photos. Take the photo again or choose a JPEG.');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect.poll(() => heading(page)).toBe('Fotos af dit dokument');
    expect(await refusal(avif, 'Vælg fil')).toBe('Vi kan ikke læse AVIF-billeder. Vælg et foto i JPEG, PNG eller WebP, eller tag fotoet igen med kameraet.');
    expect(await refusal(heic, 'Vælg fil')).toBe('Vi kan ikke læse HEIC-fotos. Tag fotoet igen, eller vælg en JPEG.');

    // Chromium draws AVIF, so the form turns a real one into a JPEG before sending it: it is simply uploaded.
    await choosePhoto(page, 'passport_photo', { name: 'PXL_0002.avif', mimeType: 'image/avif', buffer: await avifPhoto() }, 'Vælg fil');
    await uploadedThumbnail(page, 'passport_photo');
    expect(await error.count()).toBe(0);
    await context.close();
  });

  it('opens the numeric keyboard for the CPR number', async () => {
    const { context, page } = await applicant();
    await page.getByLabel('Passport').check();
    await continueTo(page, 'Your details as on the document');
    expect(await page.getByLabel('CPR number').getAttribute('inputmode')).toBe('numeric');
    await context.close();
  });
});

describe('the first steps in Danish at 320 px', () => {
  it('says "tilknyt" throughout, hyphenates headings in Danish, and leaves room above "Tilknyt mit eID"', async () => {
    const { context, page } = await newPage(browser, narrow);
    await context.addCookies([
      { name: 'locale', value: 'da', url: baseURL() },
      { ...(await eidJourney({ ...erika, cpr: '' })), url: baseURL() },
    ]);
    for (const path of ['/', '/connect']) {
      await page.goto(path);
      const text = (await page.locator('main').textContent())!;
      expect(text, path).not.toMatch(/\bforbind/i);
    }
    expect(await page.locator('main').textContent()).toContain('tilknyttet');
    expect(await page.evaluate(() => [document.documentElement.lang, getComputedStyle(document.querySelector('h1')!).hyphens])).toEqual(['da', 'auto']);
    const button = await page.getByRole('button', { name: 'Tilknyt mit eID' }).boundingBox();
    const email = await page.getByLabel('E-mailadresse').boundingBox();
    expect(button!.y - (email!.y + email!.height)).toBeGreaterThanOrEqual(16);
    await expectAccessible(page);
    await context.close();
  });

  it('offers MitID beside the manual application after the attempt limit, in Danish', async () => {
    const { context, page } = await newPage(browser, narrow);
    await context.addCookies([
      { name: 'locale', value: 'da', url: baseURL() },
      { ...(await eidJourney(erika, { autoOutcome: 'limited' })), url: baseURL() },
    ]);
    await page.goto('/connect');
    await page.waitForURL('**/connect/limit');
    expect(await heading(page)).toBe('Du har brugt alle dine forsøg');
    expect(await page.getByRole('heading', { name: 'Tilknyt med MitID' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Fortsæt til match med MitID' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Ansøg med dit pas eller ID-kort' }).getAttribute('href')).toBe('/apply');
    expect(await page.title()).toBe('Du har brugt alle dine forsøg – Identity Matching');
    await expectAccessible(page);
    await context.close();
  });
});
