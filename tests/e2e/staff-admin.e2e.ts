import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, desktop, expectAccessible, launch, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string, password: string, target: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('staff administration', () => {
  it('creates a caseworker who sets a password and signs in, then loses access when deactivated', async () => {
    const email = `nina.${Date.now()}@demo.example`;
    const password = 'correct horse battery staple';
    const admin = await newPage(browser, desktop);
    await signIn(admin.page, 'admin@demo.example', 'demo-password', '/admin/staff');
    await admin.page.waitForURL('**/admin/staff');
    expect(await admin.page.locator('h1').textContent()).toBe('Staff');
    expect(await admin.page.locator('table[data-table="staff"]').textContent()).toContain('Sofie Supervisor');
    await expectAccessible(admin.page);

    await admin.page.getByRole('link', { name: 'Create a staff account' }).click();
    await admin.page.waitForURL('**/admin/staff/new');
    await expectAccessible(admin.page);
    await admin.page.getByRole('button', { name: 'Create account and send link' }).click();
    await expect.poll(() => admin.page.getByTestId('error-summary').textContent()).toContain('This field is required.');
    await expectAccessible(admin.page);
    await admin.page.getByLabel('Full name').fill('Nina Ny');
    await admin.page.getByLabel('Work email address').fill(email);
    await admin.page.getByLabel('Caseworker', { exact: true }).check();
    await admin.page.getByRole('button', { name: 'Create account and send link' }).click();
    await admin.page.waitForURL(/\/admin\/staff\/[0-9a-f-]{36}\?created=1$/);
    const memberUrl = admin.page.url().replace('?created=1', '');
    expect(await admin.page.getByRole('status').first().textContent()).toContain(`a link to set a password has been sent to ${email}`);
    expect(await admin.page.getByTestId('staff-details').textContent()).toContain('Password not set yet');
    await expectAccessible(admin.page);

    // The email in the demo mailbox carries the one-time link.
    await admin.page.goto('/dev/mailbox');
    await admin.page.locator('tr', { hasText: email }).getByRole('link').click();
    const text = (await admin.page.getByTestId('email-text').textContent()) ?? '';
    const link = /https?:\/\/\S+\/set-password\?token=[\w-]+/.exec(text)?.[0];
    expect(link).toBeTruthy();

    const nina = await newPage(browser, desktop);
    await nina.page.goto(new URL(link!).pathname + new URL(link!).search);
    expect(await nina.page.locator('h1').textContent()).toBe('Set your password');
    await expectAccessible(nina.page);
    await nina.page.getByLabel('New password', { exact: true }).fill('short');
    await nina.page.getByLabel('Repeat the new password').fill('different');
    await nina.page.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => nina.page.getByTestId('error-summary').textContent()).toContain('at least 12 characters');
    expect(await nina.page.getByTestId('error-summary').textContent()).toContain('The two passwords are not the same.');
    await expectAccessible(nina.page);
    await nina.page.getByLabel('New password', { exact: true }).fill(password);
    await nina.page.getByLabel('Repeat the new password').fill(password);
    await nina.page.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => nina.page.getByRole('status').textContent()).toContain('Your password is set');
    await expectAccessible(nina.page);

    // The link works once.
    await nina.page.goto(new URL(link!).pathname + new URL(link!).search);
    expect(await nina.page.locator('h1').textContent()).toBe('This link cannot be used');
    await expectAccessible(nina.page);

    await signIn(nina.page, email, password, '/no-access');
    await nina.page.waitForURL('**/no-access');
    expect(await nina.page.getByRole('navigation', { name: 'Back office' }).textContent()).toContain('Nina Ny');

    // The admin sees the sign-in, then deactivates the account.
    await admin.page.goto(memberUrl);
    expect(await admin.page.getByTestId('staff-details').textContent()).toContain('Active');
    expect(await admin.page.getByTestId('staff-details').textContent()).not.toContain('Never');
    // Deactivating asks first, naming the person; Cancel (or Escape) leaves the account as it was.
    await admin.page.getByRole('button', { name: 'Deactivate account' }).click();
    const confirm = admin.page.getByRole('dialog', { name: 'Deactivate Nina Ny?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`Nina Ny (${email}) is signed out at once`);
    await expectAccessible(admin.page);
    await admin.page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    await admin.page.getByRole('button', { name: 'Deactivate account' }).click();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await admin.page.reload();
    expect(await admin.page.getByTestId('staff-details').textContent()).toContain('Active');
    await admin.page.getByRole('button', { name: 'Deactivate account' }).click();
    await confirm.getByRole('button', { name: 'Yes, deactivate' }).click();
    await expect.poll(() => admin.page.getByRole('status').first().textContent()).toContain('The account is deactivated.');
    await expect.poll(() => admin.page.getByTestId('staff-details').textContent()).toContain('Deactivated');
    await expectAccessible(admin.page);

    // Nina's next request finds her signed out, and she cannot sign in again.
    await nina.page.reload();
    expect(await nina.page.getByRole('navigation', { name: 'Back office' }).count()).toBe(0);
    await nina.page.goto('/supervisor');
    expect(new URL(nina.page.url()).pathname).toBe('/signin');
    await signIn(nina.page, email, password, '/no-access');
    await expect.poll(() => nina.page.getByTestId('error-summary').textContent()).toContain('The email address or password is not correct.');

    // The admin's own actions are listed on their page.
    await admin.page.goto('/admin/staff');
    await admin.page.getByRole('link', { name: 'Anders Admin' }).click();
    const actions = await admin.page.locator('table[data-table="recent-actions"]').textContent();
    expect(actions).toContain('Deactivated an account');
    expect(actions).toContain('Created a staff account');
    await admin.context.close();
    await nina.context.close();
  });

  it('refuses to let the last admin deactivate themself', async () => {
    const { context, page } = await newPage(browser, desktop);
    await signIn(page, 'admin@demo.example', 'demo-password', '/admin/staff');
    await page.waitForURL('**/admin/staff');
    await page.getByRole('link', { name: 'Anders Admin' }).click();
    await page.getByRole('button', { name: 'Deactivate account' }).click();
    await page.getByRole('dialog', { name: 'Deactivate Anders Admin?' }).getByRole('button', { name: 'Yes, deactivate' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('This is the last active administrator.');
    expect(await page.getByTestId('staff-details').textContent()).toContain('Active');
    await expectAccessible(page);
    await context.close();
  });

  it('asks before deactivating in Danish too, naming the person, and "Annuller" leaves the account active', async () => {
    const { context, page } = await newPage(browser, desktop);
    await signIn(page, 'admin@demo.example', 'demo-password', '/admin/staff');
    await page.waitForURL('**/admin/staff');
    await context.addCookies([{ name: 'locale', value: 'da', url: baseURL() }]);
    await page.reload();
    await page.getByRole('link', { name: 'Kasper Caseworker' }).click();
    await page.getByRole('button', { name: 'Deaktivér konto' }).click();
    const confirm = page.getByRole('dialog', { name: 'Deaktivér Kasper Caseworker?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Kasper Caseworker (caseworker2@demo.example) logges af med det samme');
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Annuller' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.reload();
    expect(await page.getByTestId('staff-details').textContent()).toContain('Aktiv');
    await context.close();
  });
});
