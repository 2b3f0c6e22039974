// Journey 4: what happens around the code — wrong codes, a resend after the countdown, a code and a
// flow that expire, a budget used up. Time moves by the server's dev clock (POST /api/v1/dev/clock)
// and the page's fake clock, never by sleeping.
import { test, expect, newAccount, codeFromMailbox, startRecovery } from './fixtures';
import type { Page } from '@playwright/test';
import { LANGUAGES, type Texts } from './texts';

/** Moves the server's clock forward (dev mode only). */
async function advanceServerClock(baseURL: string, seconds: number) {
  const response = await fetch(new URL('/api/v1/dev/clock', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds }),
  });
  expect(response.status).toBe(204);
}

/** Identify → email: the code step, with the first code on its way. */
async function toCodeStep(page: Page, t: Texts, email: string) {
  await startRecovery(page, t, email);
  await page.getByRole('button', { name: t.email }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.codeTitle })).toBeVisible();
}

async function tryCode(page: Page, t: Texts, code: string) {
  await page.getByLabel(t.code).fill(code);
  await page.getByRole('button', { name: t.verify }).click();
}

/** A code that is surely not `right`. */
const wrongFor = (right: string) => (right === '1111 1111' ? '2222 2222' : '1111 1111');

for (const t of LANGUAGES) {
  test.describe(`in ${t.locale}`, () => {
    test.use({ locale: t.locale });

    test('two wrong codes, a resend after the countdown that kills the old code, then the right one', async ({ page, context, baseURL }) => {
      // The page's timers run on a clock the test can move; time still flows on its own.
      await page.clock.install();
      const account = await newAccount(baseURL!, false);
      await toCodeStep(page, t, account.email);
      const first = await codeFromMailbox(context, account.email, t.mailbox);

      await tryCode(page, t, wrongFor(first));
      await expect(page.getByRole('alert')).toContainText(t.wrongCodeLeft(4));
      await tryCode(page, t, wrongFor(first));
      await expect(page.getByRole('alert')).toContainText(t.wrongCodeLeft(3));
      await expect(page.getByLabel(t.code), 'what was typed is kept').toHaveValue(wrongFor(first));

      // *Reenviar código* waits for its countdown, then sends a new code; the old one dies.
      const resend = page.getByRole('button', { name: t.resend });
      await expect(resend).toHaveAttribute('aria-disabled', 'true');
      await expect(page.getByText(/\d:\d\d/)).toBeVisible();
      await advanceServerClock(baseURL!, 61);
      await page.clock.fastForward(61_000);
      await expect(resend).toHaveAttribute('aria-disabled', 'false');
      await expect(page.getByText(/\d:\d\d/)).toHaveCount(0);
      await resend.click();
      await expect(page.getByRole('status')).toHaveText(t.resent);
      const second = await codeFromMailbox(context, account.email, t.mailbox);
      expect(second).not.toBe(first);

      await tryCode(page, t, first);
      await expect(page.getByRole('alert')).toContainText(t.wrongCodeLeft(2));
      await tryCode(page, t, second);
      await expect(page.getByRole('heading', { level: 1, name: t.passwordTitle })).toBeVisible();
    });

    test('a code expires after 10 minutes, and the whole recovery after an hour', async ({ page, context, baseURL }) => {
      const account = await newAccount(baseURL!, false);
      await toCodeStep(page, t, account.email);
      const code = await codeFromMailbox(context, account.email, t.mailbox);

      await advanceServerClock(baseURL!, 11 * 60);
      await tryCode(page, t, code);
      await expect(page.getByRole('alert')).toContainText(t.codeExpired);

      await advanceServerClock(baseURL!, 50 * 60);
      await page.reload();
      await expect(page.getByRole('alert').filter({ hasText: t.flowExpired })).toBeVisible();
      await page.getByRole('link', { name: t.startAgain }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.forgot })).toBeVisible();
      await expect(page.getByLabel(t.identifier)).toBeVisible();
    });

    test('five wrong codes end the recovery: even the right code is refused then', async ({ page, context, baseURL }) => {
      const account = await newAccount(baseURL!, false);
      await toCodeStep(page, t, account.email);
      const code = await codeFromMailbox(context, account.email, t.mailbox);
      for (const left of [4, 3, 2, 1, 0]) {
        await tryCode(page, t, wrongFor(code));
        await expect(page.getByRole('alert').first()).toContainText(t.wrongCodeLeft(left));
      }
      await tryCode(page, t, code);
      await expect(page.getByRole('alert').filter({ hasText: t.attemptsExhausted }).first()).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: t.passwordTitle })).toHaveCount(0);
    });
  });
}
