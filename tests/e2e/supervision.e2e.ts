// The statistics dashboard as a supervisor uses it: the seeded figures, other periods, the CSV downloads that match
// the page, and access oversight listing the downloads.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeAppDatabase, useAppDatabase } from './support/app-data';
import { baseURL, desktop, expectAccessible, launch, narrow, newPage, scrollsSideways } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  useAppDatabase(inject('dataDir'), baseURL());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await closeAppDatabase();
});

/**
 * Past days come from the roll-up, which the app's job recounts every ten minutes; other walks write backdated cases
 * straight into the database, so the roll-up is brought up to date as the job's next run would do it.
 */
async function rollUpAsTheJobWould() {
  const { getDb } = await import('../../lib/db');
  const { refreshRecentStats } = await import('../../lib/stats/rollup');
  await refreshRecentStats(getDb(), { days: 40 });
}

async function signIn(page: Page, email: string, target: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');
}

/** The text of every cell of a dashboard table, row by row. */
const tableText = (page: Page, id: string) =>
  page.locator(`table[data-table="${id}"] tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '')));

// Every table of the period (the backlog by state is a snapshot of now, whatever the period).
const RANGE_TABLES = ['funnel', 'auto-reasons', 'volume', 'decision-time', 'decision-time-distribution', 'caseworkers', 'countries'];

describe('the statistics dashboard', () => {
  it('shows the seeded data to a supervisor, updates every figure for another period, and passes axe', async () => {
    const { context, page } = await newPage(browser, desktop);
    await signIn(page, 'supervisor@demo.example', '/supervisor');
    expect(new URL(page.url()).pathname).toBe('/supervisor');
    expect(await page.locator('h1').textContent()).toBe('Statistics');
    const funnel30 = await tableText(page, 'funnel');
    const logins30 = Number(funnel30[0]![1]!.replace(/\D/g, ''));
    expect(funnel30[0]![0]).toBe('eID logins');
    expect(logins30).toBeGreaterThan(100);
    expect(await page.locator('table[data-table="volume"] tbody tr').count()).toBe(30);
    expect(await page.locator('table[data-table="backlog"] tbody tr').count()).toBe(4);
    expect((await tableText(page, 'caseworkers')).map((r) => r[0])).toEqual(expect.arrayContaining(['Camilla Caseworker', 'Kasper Caseworker', 'Sofie Supervisor']));
    expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(7);
    await expectAccessible(page);

    const before = Object.fromEntries(await Promise.all(RANGE_TABLES.map(async (id) => [id, await tableText(page, id)] as const)));
    const summaryBefore = await page.getByTestId('range-summary').textContent();
    await page.getByRole('link', { name: 'Last 7 days' }).click();
    await page.waitForURL('**/supervisor?range=7d');
    await expect.poll(() => page.getByTestId('range-summary').textContent()).not.toBe(summaryBefore);
    for (const id of RANGE_TABLES) expect(await tableText(page, id), id).not.toEqual(before[id]);
    expect(await page.locator('table[data-table="volume"] tbody tr').count()).toBe(7);
    const logins7 = Number((await tableText(page, 'funnel'))[0]![1]!.replace(/\D/g, ''));
    expect(logins7).toBeLessThan(logins30);
    await expectAccessible(page);

    // Custom dates: a wrong order is explained and linked to the field; a right one shows that single day.
    const today = new Date().toISOString().slice(0, 10);
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('From', { exact: true }).fill(today);
    await page.getByLabel('To', { exact: true }).fill(weekAgo);
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.getByTestId('error-summary').textContent()).toContain('The end date must be on or after the start date.');
    await expectAccessible(page);
    await page.getByLabel('From', { exact: true }).fill(weekAgo);
    await page.getByLabel('To', { exact: true }).fill(weekAgo);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(`**/supervisor?range=custom&from=${weekAgo}&to=${weekAgo}`);
    expect(await page.locator('table[data-table="volume"] tbody tr').count()).toBe(1);
    await context.close();
  });

  it('downloads a CSV with the numbers on the page, and lists the download under access oversight', async () => {
    await rollUpAsTheJobWould();
    const { context, page } = await newPage(browser, desktop);
    await signIn(page, 'supervisor@demo.example', '/supervisor?range=30d');
    const link = page.getByRole('link', { name: 'Download “Funnel” as CSV' });
    const href = await link.getAttribute('href');
    expect(href).toBe('/supervisor/export/funnel?range=30d');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^funnel-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const res = await page.request.get(href!);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n').map((l) => l.split(','));
    const onPage = await tableText(page, 'funnel');
    expect(csv[0]).toEqual(['Stage', 'This period', 'Previous period']);
    expect(csv.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual(onPage.map((r) => [r[0], r[1]!.replace(/[,%]/g, ''), r[2]!.replace(/[,%]/g, '')]));

    const apps = await page.request.get('/supervisor/export/applications?range=30d');
    expect(apps.status()).toBe(200);
    const appLines = (await apps.text()).trimEnd().split('\r\n');
    const submitted = Number(onPage.find((r) => r[0] === 'Manual applications')![1]!.replace(/\D/g, ''));
    expect(appLines).toHaveLength(submitted + 1);
    expect(appLines.join('\n')).not.toMatch(/\d{6}-?\d{4}/);

    await page.getByRole('navigation', { name: 'Supervision' }).getByRole('link', { name: 'Access oversight' }).click();
    await page.waitForURL('**/supervisor/access?range=30d');
    expect(await page.locator('h1').textContent()).toBe('Access oversight');
    const exports = await tableText(page, 'exports');
    expect(exports.some((r) => r[1] === 'Sofie Supervisor' && r[2] === 'Funnel')).toBe(true);
    expect(exports.some((r) => r[2] === 'Applications' && r[4] === String(submitted))).toBe(true);
    await expectAccessible(page);
    await context.close();
  });

  it('is for supervisors and admins only', async () => {
    const { context, page } = await newPage(browser, desktop);
    await signIn(page, 'caseworker@demo.example', '/supervisor');
    await page.waitForURL('**/no-access');
    expect((await page.request.get('/supervisor/export/funnel')).status()).toBe(403);
    await page.goto('/admin/staff');
    await page.waitForURL('**/no-access');
    await context.close();

    const signedOut = await newPage(browser, desktop);
    const res = await signedOut.page.request.get('/supervisor/export/funnel', { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    await signedOut.context.close();
  });

  it('works in Danish and on a 320 px wide screen', async () => {
    const { context, page } = await newPage(browser, narrow);
    await signIn(page, 'admin@demo.example', '/supervisor');
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Statistik');
    expect((await tableText(page, 'funnel'))[0]![0]).toBe('eID-log-ind');
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page);
    const csv = await page.request.get('/supervisor/export/funnel?range=7d');
    expect((await csv.text()).split('\r\n')[0]).toBe('\uFEFFTrin;Denne periode;Foregående periode');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Statistics');
    await context.close();
  });
});
