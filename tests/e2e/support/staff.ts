// Staff in the browser: the sign-in form as a caseworker, supervisor or admin of the demo staff fills it in.
import type { Page } from 'playwright-core';

/**
 * Signs in on the sign-in page with the demo password and waits until the page has moved on: to `target` when given
 * (as the callback), else wherever the sign-in sends that person.
 */
export async function signInStaff(page: Page, email: string, target?: string): Promise<void> {
  await page.goto(target === undefined ? '/signin' : `/signin?callbackUrl=${encodeURIComponent(target)}`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill('demo-password');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/signin');
}
