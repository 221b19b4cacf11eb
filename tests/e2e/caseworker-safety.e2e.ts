import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeAppDatabase, useAppDatabase } from './support/app-data';
import { connectAppDb, insertWaitingCase, type Sql } from './support/database';
import { baseURL, expectAccessible, launch, newPage, scrollsSideways } from './support/browser';

let browser: Browser;
let sql: Sql;

beforeAll(async () => {
  browser = await launch();
  sql = connectAppDb();
  useAppDatabase(inject('dataDir'), baseURL());
});
afterAll(async () => {
  await browser?.close();
  await sql?.end();
  await closeAppDatabase();
});

const wide: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
const laptop: BrowserContextOptions = { viewport: { width: 1024, height: 768 } };

async function signIn(page: Page, email: string, target: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill('demo-password');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/signin');
}

/** Words in the table cells that the browser broke across two lines. */
const brokenWords = (page: Page, selector: string) =>
  page.locator(selector).evaluate((table) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });

/** The bullet DKFDS draws before list items, on every list item of the page header. */
const headerBullets = (page: Page) =>
  page.locator('header li').evaluateAll((items) => items.map((li) => getComputedStyle(li, '::before').content).filter((c) => c !== 'none' && c !== '""' && c !== 'normal'));

const inViewport = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });

describe('the caseworker’s safety rails and layout', () => {
  it('finds names without accents, keeps words whole at 1440 px, and draws no bullets in the header', async () => {
    const fixture = await insertWaitingCase(sql, {
      givenNames: 'Zdeněk',
      familyName: 'Šťastný',
      registerGivenNames: 'Zdeněk',
      registerFamilyName: 'Šťastný',
      dateOfBirth: '1979-02-14',
      country: 'CZ',
      email: `zdenek.${Date.now()}@example.com`,
      daysAgo: 3,
    });
    for (const [options, search, heading] of [
      [{ ...wide }, 'stastny', 'Applications'],
      [{ ...wide, locale: 'da-DK' }, 'zdenek stast', 'Ansøgninger'],
    ] as const) {
      const { context, page } = await newPage(browser, options);
      await signIn(page, 'caseworker@demo.example', '/caseworker?state=all');
      expect(await page.locator('h1').textContent()).toBe(heading);
      expect(await headerBullets(page)).toEqual([]);
      expect(await brokenWords(page, '[data-testid="queue-table"]')).toEqual([]);
      expect(await scrollsSideways(page)).toBe(false);
      await page.locator('#filter-q').fill(search);
      await page.locator('#filter-q').press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === search);
      const rows = page.getByTestId('queue-table').locator('tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain('Zdeněk Šťastný');
      expect(await rows.first().locator('td').first().textContent()).toBe(fixture.reference);
      await expectAccessible(page);
      await context.close();
    }
  });

  it('confirms an approval with the eID identifier and the masked CPR number; the decision stays in view at 1024 px; full screen keeps the controls; ? lists the shortcuts', async () => {
    const fixture = await insertWaitingCase(sql, {
      givenNames: 'Ingrid',
      familyName: 'Øvergaard',
      registerGivenNames: 'Ingrid',
      registerFamilyName: 'Øvergaard',
      dateOfBirth: '1990-07-01',
      country: 'NO',
      email: `ingrid.${Date.now()}@example.com`,
      daysAgo: 2,
    });
    const { context, page } = await newPage(browser, laptop);
    await signIn(page, 'caseworker@demo.example', `/caseworker/cases/${fixture.id}`);
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Take this case' }).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('In review');
    expect(await headerBullets(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);

    // The case page says how to see the shortcuts, and ? opens them.
    expect(await page.getByTestId('shortcuts-hint').textContent()).toContain('Press ? at any time to see them.');
    await page.locator('h1').click();
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await shortcuts.waitFor();
    expect(await shortcuts.textContent()).toContain('Go to Approve');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'hidden' });

    // At 1024 px the decision sits beside the photo and stays in view while the page scrolls to it.
    await page.locator('#viewer-frame').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('documents-heading')!.scrollIntoView({ block: 'start' }));
    expect(await inViewport(page, '#decision-heading')).toBe(true);
    const [frame, decision] = await Promise.all([page.locator('#viewer-frame').boundingBox(), page.locator('#decision-heading').boundingBox()]);
    expect(decision!.x).toBeGreaterThan(frame!.x + frame!.width);

    // Full screen takes the toolbar along, and the controls work there.
    const image = page.getByTestId('viewer-image');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Full screen' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid') ?? null)).toBe('viewer-stage');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await page.getByTestId('viewer-status').textContent()).toContain('Zoom 125 %');
    expect(await inViewport(page, '.viewer-controls')).toBe(true);
    await page.getByRole('button', { name: 'Leave full screen' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();

    // Approve asks first, showing what will be linked; Cancel changes nothing.
    await page.getByRole('button', { name: 'Approve…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Link this eID to this CPR number?' });
    await confirm.waitFor();
    expect(await confirm.getByTestId('approve-eid').textContent()).toBe(fixture.personIdentifier);
    expect(await confirm.getByTestId('approve-cpr').textContent()).toBe(`${fixture.cpr.slice(0, 6)}-xxxx`);
    expect(await confirm.textContent()).not.toContain(fixture.cpr.slice(6));
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('case-state').textContent()).toBe('In review');
    await page.getByRole('button', { name: 'Approve…' }).click();
    await confirm.getByRole('button', { name: 'Approve and link' }).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Approved');
    await expectAccessible(page);
    await context.close();
  });

  it('offers no approval when the CPR number is not in the register, and never calls the applicant’s own values missing', async () => {
    const fixture = await insertWaitingCase(sql, {
      givenNames: 'Pierre',
      familyName: 'Lefèvre',
      registerGivenNames: '',
      registerFamilyName: '',
      dateOfBirth: '1983-03-09',
      country: 'FR',
      email: `pierre.${Date.now()}@example.com`,
      daysAgo: 1,
      inRegister: false,
    });
    for (const [options, take, notCompared, missing, unavailable, approve] of [
      [wide, 'Take this case', 'Not compared', 'Missing', 'is not in the CPR register', 'Approve…'],
      [{ ...laptop, locale: 'da-DK' }, 'Tag denne sag', 'Ikke sammenlignet', 'Mangler', 'findes ikke i CPR-registret', 'Godkend …'],
    ] as const) {
      const { context, page } = await newPage(browser, options);
      await signIn(page, 'supervisor@demo.example', `/caseworker/cases/${fixture.id}`);
      await page.waitForLoadState('networkidle');
      if (await page.getByRole('button', { name: take }).count()) {
        await page.getByRole('button', { name: take }).click();
        await page.getByTestId('approve-unavailable').waitFor();
      }
      expect(await page.getByTestId('approve-unavailable').textContent()).toContain(unavailable);
      expect(await page.getByRole('button', { name: approve }).count()).toBe(0);
      const comparison = page.getByTestId('comparison');
      for (const field of ['givenNames', 'familyName', 'dateOfBirth']) {
        for (const source of ['applicant', 'eid']) {
          const cell = (await comparison.locator(`tr[data-field="${field}"] td[data-source="${source}"]`).textContent()) ?? '';
          expect(cell, `${field} ${source}`).toContain(notCompared);
          expect(cell).not.toContain(missing);
        }
      }
      await expectAccessible(page);
      await context.close();
    }
  });

  it('fits the caseworkers table into 1440 px and shows the time to decision in even bins, in both languages', async () => {
    for (const options of [wide, { ...wide, locale: 'da-DK' }]) {
      const { context, page } = await newPage(browser, options);
      await signIn(page, 'supervisor@demo.example', '/supervisor');
      const region = page.locator('.table--responsive-scroll', { has: page.locator('table[data-table="caseworkers"]') });
      expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await headerBullets(page)).toEqual([]);
      // Bins are consecutive and equally wide from day 0.
      const labels = await page.locator('table[data-table="decision-time-distribution"] tbody th').allTextContents();
      const bins = labels.map((l): [number, number] => {
        const [from, to] = l.split('–').map(Number) as [number, number | undefined];
        return [from, to ?? from];
      });
      expect(bins.length).toBeGreaterThan(1);
      expect(bins[0]![0]).toBe(0);
      const width = bins[0]![1] - bins[0]![0];
      bins.forEach(([from, to], i) => {
        expect(to - from).toBe(width);
        if (i > 0) expect(from).toBe(bins[i - 1]![1] + 1);
      });
      await expectAccessible(page);
      await context.close();
    }
  });
});
