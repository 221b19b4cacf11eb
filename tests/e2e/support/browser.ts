// Debian's Chromium driven by playwright-core (no browser downloads), plus the axe check every page must pass.
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseURL = () => inject('baseURL');

export const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const narrow: BrowserContextOptions = { viewport: { width: 320, height: 720 }, isMobile: true, hasTouch: true };
export const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * What the browser refused under the Content-Security-Policy, per page (a script or style it blocked is a broken page),
 * and any text a client component asked for without having it.
 */
const cspViolations = new WeakMap<Page, string[]>();

export async function newPage(browser: Browser, options: BrowserContextOptions = phone): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseURL(), ...options });
  const page = await context.newPage();
  const refused: string[] = [];
  cspViolations.set(page, refused);
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) refused.push(msg.text());
    // A text the page's client components ask for but were not given shows its key instead of words.
    if (msg.type() === 'error' && msg.text().includes('MISSING_MESSAGE')) refused.push(msg.text().split('\n')[0]!);
  });
  // Some refusals never reach the console (an eval probe caught by the library that made it): Chrome reports every
  // one as an issue, the same list Lighthouse's best-practices audit reads.
  const cdp = await context.newCDPSession(page);
  cdp.on('Audits.issueAdded', ({ issue }) => {
    if (issue.code === 'ContentSecurityPolicyIssue') refused.push(`${issue.details.contentSecurityPolicyIssueDetails?.violatedDirective}: ${JSON.stringify(issue.details.contentSecurityPolicyIssueDetails?.sourceCodeLocation ?? issue.details.contentSecurityPolicyIssueDetails?.blockedURL ?? '')}`);
  });
  await cdp.send('Audits.enable');
  return { context, page };
}

/**
 * Fails with the list of WCAG 2.1 A/AA violations on the page as it is now, and with anything the page's
 * Content-Security-Policy blocked so far. Sandboxed frames (emails in the demo
 * mailbox) are left out: axe cannot enter them, and their content is an email, not a page of ours.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // After a client-side navigation Next streams the new <title> in a moment later: wait for it rather than race it.
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 10_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).exclude('iframe[sandbox]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  expect(cspViolations.get(page) ?? [], `blocked by the Content-Security-Policy, or texts missing, on ${page.url()}`).toEqual([]);
}

/** True when the page is wider than the viewport (horizontal scrolling). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}
