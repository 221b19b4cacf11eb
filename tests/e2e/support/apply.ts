// Steps of the manual application as a person on a phone does them, shared by the e2e tests.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const erika = { givenNames: 'Erika', familyName: 'Mustermann', dateOfBirth: '1985-03-15', country: 'DE', cpr: '150385-1234', email: 'erika.e2e@example.com' };

export async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').textContent())?.trim() ?? '';
}

export async function continueTo(page: Page, expectedHeading: string) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => heading(page)).toBe(expectedHeading);
}

/** Step 2's fields that the eID login and the automatic step did not fill in. */
export async function fillDocumentDetails(page: Page, email = erika.email) {
  await page.getByLabel('Document number').fill('C01X00T47');
  const expiry = page.getByRole('group', { name: 'Expiry date of the document' });
  await expiry.getByLabel('Day').fill('30');
  await expiry.getByLabel('Month').fill('6');
  await expiry.getByLabel('Year').fill(String(new Date().getUTCFullYear() + 4));
  await page.getByLabel('Email address again').fill(email);
}

/** Steps 1 and 2 with nothing but the required answers: the document type (its label), then on to the photos. */
export async function toThePhotos(page: Page, documentType: 'Passport' | 'National ID card') {
  await page.getByLabel(documentType).check();
  await continueTo(page, 'Your details as on the document');
  await fillDocumentDetails(page);
  await continueTo(page, 'Photos of your document');
}

export async function choosePhoto(page: Page, kind: string, file: { name: string; mimeType: string; buffer: Buffer }, button = 'Choose file') {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(`photo-${kind}`).getByRole('button', { name: button }).click()]);
  await chooser.setFiles(file);
}

export async function uploadedThumbnail(page: Page, kind: string) {
  const img = page.getByTestId(`photo-${kind}`).locator('img');
  await img.waitFor();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  return img;
}

/**
 * The real way in: the landing page, the eID login at the simulator as a demo person whose data does not match
 * the register automatically, the CPR and email form, then "I do not have a MitID".
 */
export async function throughTheAutomaticJourney(page: Page, person: { id: string; country: string }, cpr: string, email: string) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Continue with non-Danish eID' }).click();
  await page.waitForURL('**/start');
  await page.getByLabel('Which country issued your eID?').selectOption(person.country);
  await page.getByRole('button', { name: 'Continue to eID login' }).click();
  await page.waitForURL('**/dev/eid?**');
  await page.getByTestId(`eid-person-${person.id}`).click();
  await page.waitForURL('**/connect');
  await page.getByLabel('CPR number').fill(cpr);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Connect my eID' }).click();
  await page.waitForURL('**/connect/mitid');
  await page.getByRole('link', { name: 'I do not have a MitID' }).click();
  await page.waitForURL('**/apply');
  await expect.poll(() => heading(page)).toBe('Your document');
}
