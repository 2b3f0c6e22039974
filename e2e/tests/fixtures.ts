// What every end-to-end test shares: the page fails its test on any console error or uncaught
// exception (a broken wasm-opt, a CSP violation, a 404 for an asset all show up there).
import { pbkdf2Sync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import type { Texts } from './texts';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use, testInfo) => {
      const errors: string[] = [];
      // Everything the page said, kept as target/e2e/artifacts/<test>/console.log when the test fails.
      const log: string[] = [];
      page.on('console', (message) => {
        log.push(`[${message.type()}] ${message.text()}`);
        if (message.type() !== 'error') return;
        // The API refuses wrong input with a 4xx on purpose (a wrong code, say); the browser logs those.
        // Anything else — a missing asset, a CSP violation, a panic — fails the test.
        const expectedRefusal =
          message.location().url.includes('/api/v1/') && /status of 4\d\d/.test(message.text());
        if (!expectedRefusal) errors.push(message.text());
      });
      page.on('pageerror', (error) => {
        log.push(`[uncaught] ${error.message}`);
        errors.push(`uncaught: ${error.message}`);
      });
      // The screens the test passed through, by their document title (one per screen and language),
      // for the run's summary. The binding and script go through the debugging protocol: the page's
      // CSP stays as it is.
      const screens = new Set<string>();
      await page.exposeBinding('__recuperaScreen', (_source, title: string) => {
        if (title) screens.add(title);
      });
      await page.addInitScript(() => {
        let last = '';
        new MutationObserver(() => {
          if (document.title === last) return;
          last = document.title;
          (window as unknown as { __recuperaScreen: (title: string) => void }).__recuperaScreen(last);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });

      await use(errors);

      testInfo.annotations.push({ type: 'screens', description: JSON.stringify([...screens]) });
      if (testInfo.status !== testInfo.expectedStatus || errors.length > 0) {
        writeFileSync(testInfo.outputPath('console.log'), `${log.join('\n')}\n`);
      }
      expect(errors, 'the browser console shows no errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The wizard's first step as a person does it, in `t`'s language: identifier, bot check, *Enviar*;
 * ends on the method step. */
export async function startRecovery(page: Page, t: Texts, identifier: string) {
  await page.goto(`/recuperar?lang=${t.lang}`);
  await page.getByLabel(t.identifier).fill(identifier);
  await page.getByLabel(t.robot).check();
  await expect(page.getByText(t.checkedFull)).toBeVisible();
  await page.getByRole('button', { name: t.send }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.methodTitle })).toBeVisible();
}

/** A solved bot check for `action`, as the app's *No soy un robot* sends it: the ALTCHA challenge from
 * the server, and the first counter whose PBKDF2-HMAC-SHA-256 key (nonce ‖ counter as 4 bytes
 * big-endian, the challenge's salt and cost) starts with its key prefix. */
async function solvedBotCheck(baseURL: string, action: string) {
  const challenge = await (await fetch(new URL(`/api/v1/bot-check/challenge?action=${action}`, baseURL))).json();
  const { nonce, salt, cost, keyLength, keyPrefix } = challenge.parameters;
  for (let counter = 0; counter < 1 << 20; counter++) {
    const password = Buffer.concat([Buffer.from(nonce, 'hex'), Buffer.alloc(4)]);
    password.writeUInt32BE(counter, password.length - 4);
    const derivedKey = pbkdf2Sync(password, Buffer.from(salt, 'hex'), cost, keyLength, 'sha256').toString('hex');
    if (derivedKey.startsWith(keyPrefix.toLowerCase())) {
      return Buffer.from(JSON.stringify({ challenge, solution: { counter, derivedKey } })).toString('base64');
    }
  }
  throw new Error('no counter solves the bot-check challenge');
}

/** Creates an account through the API as the sign-up screens do, with names unique to this run: the
 * form and a solved bot check, then the code mailed to the address (read from the dev mailbox),
 * typed in the same "browser" (its sign-up cookie). */
export async function newAccount(baseURL: string, withPhone: boolean) {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const account = {
    username: `e2e-${id}`,
    email: `e2e-${id}@recupera.test`,
    phone: withPhone ? `+3461${Math.floor(1e6 + Math.random() * 8e6)}` : undefined,
    password: 'Contraseña-Olvidada-2026',
    language: 'es',
  };
  const bot_check = await solvedBotCheck(baseURL, 'sign_up');
  const started = await fetch(new URL('/api/v1/sign-up', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, bot_check }),
  });
  expect(started.status, await started.clone().text()).toBe(201);
  const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0];
  const { flow_id } = await started.json();
  const mailbox: { to: string; body: string }[] = await (await fetch(new URL('/api/v1/dev/mailbox', baseURL))).json();
  const code = mailbox.find((m) => m.to === account.email)?.body.match(/\d{4} \d{4}/)?.[0];
  expect(code, `a sign-up code mailed to ${account.email}`).toBeTruthy();
  const confirmed = await fetch(new URL(`/api/v1/sign-up/${flow_id}/verify`, baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ code }),
  });
  expect(confirmed.status, await confirmed.clone().text()).toBe(200);
  if (account.phone) await provePhone(baseURL, account);
  return account;
}

/** Proves the phone typed at sign-up as its owner would in Mi cuenta: signed in, a code by SMS,
 * typed back. Until then nothing at all goes to the phone. */
async function provePhone(baseURL: string, account: { email: string; phone?: string; password: string }) {
  const json = { 'content-type': 'application/json' };
  const signedIn = await fetch(new URL('/api/v1/session', baseURL), {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ identifier: account.email, password: account.password }),
  });
  expect(signedIn.status, await signedIn.clone().text()).toBe(200);
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
  const sent = await fetch(new URL('/api/v1/account/phone/code', baseURL), {
    method: 'POST',
    headers: { ...json, cookie },
    body: '{}',
  });
  expect(sent.status, await sent.clone().text()).toBe(200);
  const mailbox: { to: string; body: string }[] = await (await fetch(new URL('/api/v1/dev/mailbox', baseURL))).json();
  const code = mailbox.find((m) => m.to === account.phone)?.body.match(/\d{4} \d{4}/)?.[0];
  expect(code, `an SMS code sent to ${account.phone}`).toBeTruthy();
  const proven = await fetch(new URL('/api/v1/account/phone/verify', baseURL), {
    method: 'POST',
    headers: { ...json, cookie },
    body: JSON.stringify({ code }),
  });
  expect(proven.status, await proven.clone().text()).toBe(200);
  await fetch(new URL('/api/v1/session/end', baseURL), { method: 'POST', headers: { ...json, cookie }, body: '{}' });
}

/** The newest code sent to `to`, read from the dev mailbox page the way a person would (with axe-core
 * run on that page too when `checkAccessibility`). */
export async function codeFromMailbox(
  context: import('@playwright/test').BrowserContext,
  to: string,
  mailboxTitle: RegExp,
  checkAccessibility = false,
) {
  const mailbox = await context.newPage();
  await mailbox.goto('/dev/buzon');
  await expect(mailbox.getByRole('heading', { level: 1, name: mailboxTitle })).toBeVisible();
  if (checkAccessibility) await expectAccessible(mailbox, 'dev mailbox');
  const message = mailbox.getByRole('listitem').filter({ hasText: to }).first();
  const body = await message.locator('pre').textContent();
  await mailbox.close();
  const code = body?.match(/\d{4} \d{4}/)?.[0];
  expect(code, `a code in the message to ${to}`).toBeTruthy();
  return code as string;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is now: no violation of any WCAG 2.x A/AA rule. */
export async function expectAccessible(page: import('@playwright/test').Page, screen: string) {
  // Evaluated through the debugging protocol, so the page's strict CSP stays on and untouched.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is defined by the script above
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v: { id: string; help: string; nodes: { target: string[] }[] }) =>
      `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe on ${screen}`).toEqual([]);
}
