// What new staff at 1440 and 1024 px ran into, each as they see it now, in English and Danish: accent-free search,
// whole words in the queue, no header bullets, ? for the shortcuts on the queue and the case page, an approval that
// asks first and is not offered without a register record, comparison badges and seeded cases that tell the truth,
// the decision in view beside the documents, full-screen controls, the caseworkers table and even time bins.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { insertWaitingCase } from './support/database';
import { expectAccessible, newPage, scrollsSideways } from './support/browser';
import { signInStaff } from './support/staff';
import { openBrowserAndDb } from './support/suite';

const suite = openBrowserAndDb();

const wide: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
const laptop: BrowserContextOptions = { viewport: { width: 1024, height: 768 } };

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
    const fixture = await insertWaitingCase(suite.sql, {
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
      const { context, page } = await newPage(suite.browser, options);
      await signInStaff(page, 'caseworker@demo.example', '/caseworker?state=all');
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
    const fixture = await insertWaitingCase(suite.sql, {
      givenNames: 'Ingrid',
      familyName: 'Øvergaard',
      registerGivenNames: 'Ingrid',
      registerFamilyName: 'Øvergaard',
      dateOfBirth: '1990-07-01',
      country: 'NO',
      email: `ingrid.${Date.now()}@example.com`,
      daysAgo: 2,
    });
    const { context, page } = await newPage(suite.browser, laptop);
    await signInStaff(page, 'caseworker@demo.example', `/caseworker/cases/${fixture.id}`);
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
    const fixture = await insertWaitingCase(suite.sql, {
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
      const { context, page } = await newPage(suite.browser, options);
      await signInStaff(page, 'supervisor@demo.example', `/caseworker/cases/${fixture.id}`);
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
      const { context, page } = await newPage(suite.browser, options);
      await signInStaff(page, 'supervisor@demo.example', '/supervisor');
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

  it('finds the seeded accented names typed without accents, in English and Danish', async () => {
    const searches = [
      ['dvorak', 'Dvořák'],
      ['Tomas', 'Tomáš'],
      ['Sigurdardottir', 'Sigurðardóttir'],
      ['lea', 'Léa'],
    ] as const;
    for (const [options, heading] of [[wide, 'Applications'], [{ ...wide, locale: 'da-DK' }, 'Ansøgninger']] as const) {
      const { context, page } = await newPage(suite.browser, options);
      await signInStaff(page, 'caseworker@demo.example', '/caseworker?state=all');
      expect(await page.locator('h1').textContent()).toBe(heading);
      for (const [typed, name] of searches) {
        await page.locator('#filter-q').fill(typed);
        await page.locator('#filter-q').press('Enter');
        await page.waitForURL((url) => url.searchParams.get('q') === typed);
        const names = await page.getByTestId('queue-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
        expect(names.length, typed).toBeGreaterThan(0);
        for (const row of names) expect(row, typed).toContain(name);
      }
      await expectAccessible(page);
      await context.close();
    }
  });

  it('opens the shortcut list with ? on the queue and on the case page, which says so, in English and Danish', async () => {
    const [seeded] = await suite.sql<{ id: string }[]>`select id from applications where state = 'submitted' order by submitted_at limit 1`;
    for (const [options, name, hint, queueEntry, caseEntry] of [
      [wide, 'Keyboard shortcuts', 'Press ? at any time to see them.', 'Go to the search field', 'Go to Approve'],
      [{ ...laptop, locale: 'da-DK' }, 'Tastaturgenveje', 'Tryk på ? når som helst for at se dem.', 'Gå til søgefeltet', 'Gå til Godkend'],
    ] as const) {
      const { context, page } = await newPage(suite.browser, options);
      await signInStaff(page, 'caseworker@demo.example', '/caseworker');
      for (const [path, entry] of [['/caseworker', queueEntry], [`/caseworker/cases/${seeded!.id}`, caseEntry]] as const) {
        if (new URL(page.url()).pathname !== path) await page.goto(path);
        await page.waitForLoadState('networkidle');
        const pointer = page.getByTestId('shortcuts-hint');
        expect(await pointer.textContent(), path).toContain(hint);
        // The pointer is near the top of the page, not in a box at the bottom.
        expect(await inViewport(page, '[data-testid="shortcuts-hint"]'), path).toBe(true);
        const dialog = page.getByRole('dialog', { name });
        expect(await dialog.isVisible()).toBe(false);
        await page.locator('h1').click();
        await page.keyboard.press('?');
        await dialog.waitFor();
        expect(await dialog.textContent(), path).toContain(entry);
        await expectAccessible(page);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        // Typing ? into a text field types it; it does not open the list.
        if (path === '/caseworker') {
          await page.locator('#filter-q').fill('');
          await page.locator('#filter-q').press('?');
          expect(await page.locator('#filter-q').inputValue()).toBe('?');
          expect(await dialog.isVisible()).toBe(false);
        }
      }
      await context.close();
    }
  });

  it('says "The dates of birth differ" on a seeded case only where the dates differ, in English and Danish', async () => {
    const seeded = (reason: string) => suite.sql<{ id: string }[]>`select a.id from applications a join eid_identities e on e.id = a.eid_identity_id
      where e.issuer = 'demo-eid' and a.match_reasons ->> 0 = ${reason} order by a.reference limit 2`;
    const [differ, tokenOrder, fuzzy] = await Promise.all([seeded('birth_date_differs'), seeded('name_token_order'), seeded('name_fuzzy_family')]);
    expect(differ.length).toBeGreaterThan(0);
    const agree = [...tokenOrder, ...fuzzy];
    expect(agree.length).toBeGreaterThan(0);
    for (const [options, message, differs, agrees] of [
      [wide, 'The dates of birth differ.', 'Differs', 'Agrees'],
      [{ ...laptop, locale: 'da-DK' }, 'Fødselsdatoerne er forskellige.', 'Afviger', 'Stemmer'],
    ] as const) {
      const { context, page } = await newPage(suite.browser, options);
      await signInStaff(page, 'supervisor@demo.example', '/caseworker');
      for (const [cases, datesDiffer] of [[differ, true], [agree, false]] as const) {
        for (const { id } of cases) {
          await page.goto(`/caseworker/cases/${id}`);
          const row = page.getByTestId('comparison').locator('tr[data-field="dateOfBirth"]');
          const date = async (source: string) => (await row.locator(`td[data-source="${source}"] > span`).first().textContent())!.trim();
          const [applicant, register, eid] = [await date('applicant'), (await row.locator('td[data-source="register"]').textContent())!.trim(), await date('eid')];
          expect(register, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          const reasons = await page.getByTestId('match-reasons').textContent();
          const badges = await row.locator('[data-mark]').allTextContents();
          if (datesDiffer) {
            expect(reasons, id).toContain(message);
            expect(applicant, id).not.toBe(register);
            expect(eid, id).not.toBe(register);
            expect(badges, id).toEqual([differs, differs]);
          } else {
            expect(reasons, id).not.toContain(message);
            expect([applicant, eid], id).toEqual([register, register]);
            expect(badges, id).toEqual([agrees, agrees]);
          }
        }
      }
      await expectAccessible(page);
      await context.close();
    }
  });

  it('asks before approving in Danish too, with the eID identifier and the masked CPR number, the decision in view at 1024 px', async () => {
    const fixture = await insertWaitingCase(suite.sql, {
      givenNames: 'Mette',
      familyName: 'Ågesen',
      registerGivenNames: 'Mette',
      registerFamilyName: 'Ågesen',
      dateOfBirth: '1975-05-05',
      country: 'SE',
      email: `mette.${Date.now()}@example.com`,
      daysAgo: 1,
    });
    const { context, page } = await newPage(suite.browser, { ...laptop, locale: 'da-DK' });
    await signInStaff(page, 'caseworker@demo.example', `/caseworker/cases/${fixture.id}`);
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Tag denne sag' }).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Under behandling');
    // The decision stays in view beside the documents here too.
    await page.evaluate(() => document.getElementById('documents-heading')!.scrollIntoView({ block: 'start' }));
    expect(await inViewport(page, '#decision-heading')).toBe(true);
    await page.getByRole('button', { name: 'Godkend …' }).click();
    const confirm = page.getByRole('dialog', { name: 'Tilknyt dette eID med dette CPR-nummer?' });
    await confirm.waitFor();
    expect(await confirm.getByTestId('approve-eid').textContent()).toBe(fixture.personIdentifier);
    expect(await confirm.getByTestId('approve-cpr').textContent()).toBe(`${fixture.cpr.slice(0, 6)}-xxxx`);
    expect(await confirm.textContent()).not.toContain(fixture.cpr.slice(6));
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Annuller' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('case-state').textContent()).toBe('Under behandling');
    await context.close();
  });
});
