// Every page and every step has a title of its own (WCAG 2.4.2), in English and Danish: what the page shows, usually
// its heading, then the service's name, so a person with many tabs open, or a screen reader, tells them apart.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { erika } from './support/apply';
import { eidJourney } from './support/app-data';
import { baseURL, newPage } from './support/browser';
import { signInStaff } from './support/staff';
import { openBrowserAndDb } from './support/suite';

const suite = openBrowserAndDb();

const SITE = ' – Identity Matching';

/** The page's title and main heading once the page (and, on the form, its client-side title) has settled. */
async function titleAndHeading(page: Page, path: string): Promise<{ path: string; title: string; h1: string }> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const h1 = ((await page.locator('h1').first().textContent()) ?? '').trim();
  return { path, title: await page.title(), h1 };
}

describe('page titles', () => {
  for (const [language, options] of [
    ['English', { viewport: { width: 1024, height: 768 } }],
    ['Danish', { viewport: { width: 1024, height: 768 }, locale: 'da-DK' }],
  ] as [string, BrowserContextOptions][]) {
    it(`gives every page and step its own title, beginning with what the page shows, in ${language}`, async () => {
      const [application] = await suite.sql<{ id: string }[]>`select id from applications order by submitted_at limit 1`;
      const [caseworker] = await suite.sql<{ id: string }[]>`select id from users where email = 'caseworker@demo.example'`;
      const seen: { path: string; title: string; h1: string }[] = [];

      // A visitor, then an applicant with an eID login at each point of the journey.
      const visitor = await newPage(suite.browser, options);
      for (const path of ['/', '/start', '/connection', '/status', '/accessibility', '/privacy', '/set-password?token=unknown', '/signin', '/dev/mailbox', '/dev/eid', '/dev/mitid', '/start?returnTo=https%3A%2F%2Fevil.example%2F', '/no-such-page'])
        seen.push(await titleAndHeading(visitor.page, path));
      for (const [path, state] of [
        ['/connect', undefined],
        ['/connect/mitid', { autoOutcome: 'not_matched' }],
        ['/connect/limit', { autoOutcome: 'limited' }],
      ] as const) {
        await visitor.context.clearCookies();
        await visitor.context.addCookies([{ ...(await eidJourney(erika, state)), url: baseURL() }]);
        seen.push(await titleAndHeading(visitor.page, path));
      }
      await visitor.context.clearCookies();
      await visitor.context.addCookies([{ ...(await eidJourney(erika)), url: baseURL() }]);
      await visitor.page.goto('/apply');
      await visitor.page.waitForURL(/[?&]step=1(&|$)/);
      const step = async () => ({ path: new URL(visitor.page.url()).search, title: await visitor.page.title(), h1: ((await visitor.page.locator('h1').textContent()) ?? '').trim() });
      seen.push(await step());
      // A reload on a later step: the server names that step too, not only the form once it has taken over.
      await visitor.page.getByRole('radio').first().check();
      await visitor.page.getByRole('button', { name: /^(Continue|Fortsæt)$/ }).click();
      await visitor.page.waitForURL(/[?&]step=2(&|$)/);
      await visitor.page.waitForLoadState('networkidle');
      await visitor.page.reload();
      await visitor.page.waitForLoadState('networkidle');
      seen.push(await step());
      await visitor.context.close();

      // Staff: a supervisor's pages, an admin's, and the "No access" a caseworker is shown for the statistics.
      for (const [email, paths] of [
        ['supervisor@demo.example', ['/caseworker', `/caseworker/cases/${application!.id}`, '/supervisor', '/supervisor/access']],
        ['admin@demo.example', ['/admin/staff', '/admin/staff/new', `/admin/staff/${caseworker!.id}`]],
      ] as const) {
        const staff = await newPage(suite.browser, options);
        await signInStaff(staff.page, email);
        for (const path of paths) seen.push(await titleAndHeading(staff.page, path));
        await staff.context.close();
      }
      const caseworkerPage = await newPage(suite.browser, options);
      await signInStaff(caseworkerPage.page, 'caseworker@demo.example');
      const noAccess = await titleAndHeading(caseworkerPage.page, '/supervisor');
      expect(new URL(caseworkerPage.page.url()).pathname).toBe('/no-access');
      seen.push({ ...noAccess, path: '/no-access' });
      await caseworkerPage.context.close();

      const titles = seen.map((s) => s.title);
      expect(titles.filter((t, i) => titles.indexOf(t) !== i), 'titles used by more than one page').toEqual([]);
      for (const { path, title, h1 } of seen) {
        expect(h1, path).not.toBe('');
        // The front page keeps the service's own title; the status page without a link says what it is for.
        if (path === '/' || path === '/status') continue;
        expect(title.startsWith(h1), `${path}: "${title}" begins with "${h1}"`).toBe(true);
        expect(title.endsWith(SITE), `${path}: ${title}`).toBe(true);
      }
    });
  }
});
