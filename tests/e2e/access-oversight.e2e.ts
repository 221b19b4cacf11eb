// Access oversight as a supervisor reads it, after a case went back to the queue when idle and was then given to
// another caseworker: each document view shows who held the case at that moment, in English and Danish.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { insertWaitingCase } from './support/database';
import { expectAccessible, newPage } from './support/browser';
import { signInStaff } from './support/staff';
import { openBrowserAndDb } from './support/suite';

const suite = openBrowserAndDb();

const laptop: BrowserContextOptions = { viewport: { width: 1024, height: 768 } };

/** Opens (or reloads) the case page and waits until the document image has been shown, which records a view. */
async function look(page: Page, caseId: string) {
  if (new URL(page.url()).pathname === `/caseworker/cases/${caseId}`) await page.reload();
  else await page.goto(`/caseworker/cases/${caseId}`);
  const image = page.getByTestId('viewer-image');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await page.waitForLoadState('networkidle');
}

/** The rows of "Document views of cases not assigned to the viewer" for one application: [viewer, held by]. */
async function oversightRows(page: Page, reference: string): Promise<[string, string][]> {
  await page.goto('/supervisor/access');
  const rows = await page.locator('table[data-table="unassigned-views"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
  return rows.filter((r) => r[2] === reference).map((r) => [r[1]!, r[4]!]);
}

describe('access oversight', () => {
  it('shows who held the case at each view: nobody after the idle release, the new holder after a reassignment', async () => {
    const fixture = await insertWaitingCase(suite.sql, {
      givenNames: 'Aino',
      familyName: 'Virtanen',
      registerGivenNames: 'Aino',
      registerFamilyName: 'Virtanen',
      dateOfBirth: '1988-11-20',
      country: 'FI',
      email: `aino.${Date.now()}@example.com`,
      daysAgo: 2,
    });

    // Camilla takes the case and studies the photo: her own case, not listed.
    const camilla = await newPage(suite.browser, laptop);
    await signInStaff(camilla.page, 'caseworker@demo.example', `/caseworker/cases/${fixture.id}`);
    await camilla.page.waitForLoadState('networkidle');
    await camilla.page.getByRole('button', { name: 'Take this case' }).click();
    await expect.poll(() => camilla.page.getByTestId('case-state').textContent()).toBe('In review');
    await look(camilla.page, fixture.id);

    // She leaves it for more than two hours: the expiry job returns it to the queue; she looks again.
    await suite.sql`update applications set last_activity_at = now() - interval '3 hours', assigned_at = now() - interval '3 hours' where id = ${fixture.id}`;
    const { expireIdleAssignments } = await import('@/lib/cases/assignments');
    const { getDb } = await import('@/lib/db');
    expect((await expireIdleAssignments(getDb())).released).toBeGreaterThanOrEqual(1);
    await look(camilla.page, fixture.id);
    expect(await camilla.page.getByTestId('case-summary').textContent()).toContain('Nobody');

    // The supervisor gives it to Kasper, who opens his case (not listed); Camilla looks once more.
    const sofie = await newPage(suite.browser, laptop);
    await signInStaff(sofie.page, 'supervisor@demo.example', `/caseworker/cases/${fixture.id}`);
    await sofie.page.waitForLoadState('networkidle');
    await sofie.page.getByLabel('Give the case to').selectOption({ label: 'Kasper Caseworker' });
    await sofie.page.getByRole('button', { name: 'Reassign' }).click();
    await expect.poll(() => sofie.page.getByTestId('case-summary').textContent()).toContain('Kasper Caseworker');
    const kasper = await newPage(suite.browser, laptop);
    await signInStaff(kasper.page, 'caseworker2@demo.example', `/caseworker/cases/${fixture.id}`);
    await look(kasper.page, fixture.id);
    await look(camilla.page, fixture.id);

    const rows = await oversightRows(sofie.page, fixture.reference);
    const camillas = rows.filter(([viewer]) => viewer === 'Camilla Caseworker').map(([, heldBy]) => heldBy);
    // Newest first: the views while Kasper held it, then those while nobody did; none while it was her own.
    expect([...new Set(camillas)]).toEqual(['Kasper Caseworker', 'Nobody']);
    expect(rows.filter(([viewer]) => viewer === 'Kasper Caseworker')).toEqual([]);
    await expectAccessible(sofie.page);
    await Promise.all([camilla.context.close(), kasper.context.close(), sofie.context.close()]);

    const danish = await newPage(suite.browser, { ...laptop, locale: 'da-DK' });
    await signInStaff(danish.page, 'supervisor@demo.example', '/supervisor/access');
    const danishRows = await oversightRows(danish.page, fixture.reference);
    expect([...new Set(danishRows.filter(([viewer]) => viewer === 'Camilla Caseworker').map(([, heldBy]) => heldBy))]).toEqual(['Kasper Caseworker', 'Ingen']);
    await expectAccessible(danish.page);
    await danish.context.close();
  });
});
