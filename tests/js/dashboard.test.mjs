// The sample dashboard in Debian's headless Chromium, against the demo server and the sandbox:
// the whole flow, inline validation, markup from CJ shown as text, faults shown clearly, and
// no console error under the Content-Security-Policy. Screenshots go to tests/artifacts/.
import { mkdir } from 'node:fs/promises';

import { chromium } from 'playwright-core';

import { startDemo } from '../../web/server.js';

const ARTIFACTS = new URL('../artifacts/dashboard/', import.meta.url).pathname;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let demo;
let browser;
let page;
const consoleErrors = [];
const dialogs = [];

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  demo = await startDemo({ port: 0, env: {}, sandbox: { port: 0, qps: 0 }, clientOptions: { requestsPerSecond: 0 } });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 60000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.goto(demo.url);
});

afterEach(() => page.close());

// Playwright's web-first assertions belong to its own runner; under Jest, retry plain ones.
async function eventually(assertion, timeout = 5000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
const visible = (locator, timeout) => locator.first().waitFor({ state: 'visible', timeout });
const hasText = (locator, text, timeout) => eventually(async () => expect(await locator.textContent()).toContain(text), timeout);

const shot = (name) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
const form = () => page.locator('cj-dispute-form');
const list = () => page.locator('cj-dispute-list');

async function findOrder(orderId) {
  await form().getByLabel('CJ order id').fill(orderId);
  await form().getByRole('button', { name: 'Find order' }).click();
  await form().getByRole('heading', { name: 'Choose the lines' }).waitFor();
}

test('the page is served under a strict CSP and the wasm as application/wasm', async () => {
  const response = await page.request.get(demo.url);
  const csp = response.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  const wasm = await page.request.get(new URL('/pkg/wasm/cj-disputes-core.wasm', demo.url).href);
  expect(wasm.headers()['content-type']).toBe('application/wasm');
  expect((await page.request.get(new URL('/pkg/node_modules/fastify/package.json', demo.url).href)).status()).toBe(404);
});

test('order id -> lines -> details -> created dispute -> list -> detail -> cancel', async () => {
  await shot('01-start');
  await findOrder('2001234567890');
  await visible(form().getByText('Ceramic mug, blue'));
  await shot('02-lines');
  await form().getByLabel('Quantity to dispute for Ceramic mug, blue').fill('2');
  await form().getByLabel('Quantity to dispute for Tea spoon').fill('5');
  await form().getByRole('button', { name: 'Continue' }).click();
  await form().getByRole('heading', { name: 'Tell CJ what happened' }).waitFor();

  // The breakdown comes from the core: 2 x 12.50 + 5 x 0.10 and the shares of the 4.00 postage.
  const breakdown = form().locator('table');
  await hasText(breakdown, 'Ceramic mug, blue × 2 at $12.50');
  await hasText(breakdown, '$25.00');
  await hasText(breakdown.locator('tr', { hasText: 'Products' }), '$25.50');
  await hasText(breakdown.locator('tr', { hasText: 'Maximum refund' }), '$');
  await form().getByLabel('Refund', { exact: true }).check();
  await form().getByLabel('Reason').selectOption({ label: 'Damaged item' });
  await form().getByLabel('CJ balance (wallet)').check();
  await form().getByLabel('Message to CJ').fill('Both mugs and five spoons arrived broken.');
  await form().getByLabel('Photo addresses (optional)').fill('https://example.com/broken.jpg');
  await eventually(async () => expect(await form().locator('.counter').textContent()).toBe('41 / 500'));
  await shot('03-details');
  await form().getByRole('button', { name: 'Open dispute' }).click();
  await form().getByRole('heading', { name: 'Dispute opened' }).waitFor();
  await shot('04-created');

  // The list refreshes on its own (cj-dispute-created) and shows the new Processing dispute.
  await list().getByLabel('CJ order id').fill('2001234567890');
  await list().getByRole('button', { name: 'Show disputes' }).click();
  const row = list().locator('tbody tr').first();
  await hasText(row, 'Processing');
  await hasText(row, 'Awaiting CJ');
  await row.getByRole('button', { name: 'Details' }).click();
  await hasText(list().locator('article'), 'Damaged item');
  await shot('05-detail');
  await row.getByRole('button', { name: 'Cancel' }).click();
  await list().getByRole('button', { name: /^Yes, cancel SH/ }).click();
  await hasText(list().locator('tbody tr').first(), 'Cancelled');
  await shot('06-cancelled');
});

test('inline validation: quantity above what is left, a 501-character message, a bad URL', async () => {
  await findOrder('2001234567890');
  const quantity = form().getByLabel('Quantity to dispute for Ceramic mug, blue');
  await quantity.fill('3');
  await visible(form().getByText('only 2 of line 1001 can still be disputed'));
  await eventually(async () => expect(await quantity.getAttribute('aria-invalid')).toBe('true'));
  await form().getByRole('button', { name: 'Continue' }).click();
  await visible(form().getByRole('heading', { name: 'Choose the lines' }));  // nothing was sent
  await shot('07-quantity-error');
  await quantity.fill('1');
  await form().getByRole('button', { name: 'Continue' }).click();
  await form().getByRole('heading', { name: 'Tell CJ what happened' }).waitFor();

  const message = form().getByLabel('Message to CJ');
  await message.fill('x'.repeat(501));
  await visible(form().getByText('The message must be at most 500 characters long (it is 501).'));
  await eventually(async () => expect(await form().locator('.counter').textContent()).toBe('501 / 500'));
  await form().getByLabel('Photo addresses (optional)').fill('ftp://example.com/a.jpg');
  await visible(form().getByText('Image address 1 must be a full web address starting with http:// or https://.'));
  await shot('08-detail-errors');
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  // The button is aria-disabled while anything is invalid; a click still sends nothing.
  expect(await form().getByRole('button', { name: 'Open dispute' }).getAttribute('aria-disabled')).toBe('true');
  await form().getByRole('button', { name: 'Open dispute' }).click({ force: true });
  await visible(form().getByText('The expected result is required.'));
  expect(requests.filter((url) => url.includes('/api/cj/disputes'))).toEqual([]);
});

test('markup in a product name is shown as text, never run', async () => {
  await findOrder('2001234567894');
  await visible(form().getByText('<img src=x onerror=alert(1)> "Deluxe" notebook & pen'));
  expect(await form().locator('img[src="x"]').count()).toBe(0);
  expect(await form().getByText('Supplier <b>F</b>', { exact: false }).count()).toBe(0);  // not shown as bold either
  await shot('09-markup-as-text');
  expect(dialogs).toEqual([]);
});

test('a line with an open dispute is shown disabled with the reason', async () => {
  await findOrder('2001234567892');
  expect(await form().getByLabel('Quantity to dispute for Phone case').isDisabled()).toBe(true);
  await visible(form().getByText('an unfinished dispute already exists on this line'));
});

test('a CJ rate limit is shown as a clear message', async () => {
  await visible(list().locator('tbody tr'));  // the list has loaded: the faults are for the form
  const errorsBefore = consoleErrors.length;
  await fetch(`${demo.sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ faults: [{ fail: 1600200 }, { fail: 1600200 }, { fail: 1600200 }] }) });
  await form().getByLabel('CJ order id').fill('2001234567890');
  await form().getByRole('button', { name: 'Find order' }).click();
  await hasText(form().getByRole('alert'), 'CJ is receiving too many requests right now', 15000);
  await hasText(form().getByRole('alert'), 'code 1600200');
  await shot('10-rate-limited');
  // Chromium logs the deliberate HTTP 429 as a failed resource; nothing else may be logged.
  const added = consoleErrors.splice(errorsBefore);
  expect(added.every((text) => /status of 429/.test(text))).toBe(true);
});

test('readable on a phone-width screen', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await findOrder('2001234567890');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot('11-phone');
});

test('no console errors under the CSP', () => {
  expect(consoleErrors).toEqual([]);
});
