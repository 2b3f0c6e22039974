// The desktop journey with the keyboard alone (Tab, Shift+Tab, Enter, Space, Esc): every control is
// reachable, operable, and the sign-in box keeps and returns focus.
import { test, expect, newAccount, codeFromMailbox } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { LANGUAGES, NEW_PASSWORD } from './texts';

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, backwards = false) {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target} with the keyboard`);
}

for (const t of LANGUAGES) {
test(`in ${t.locale}: the whole recovery with the keyboard only @desktop`, async ({ page, context, baseURL }) => {
  const account = await newAccount(baseURL!, false);
  await page.goto(`/?lang=${t.lang}`);

  // The sign-in box opens, holds focus, closes on Esc and gives focus back to its opener.
  const opener = page.getByRole('button', { name: t.signIn });
  await tabTo(page, opener);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: t.signIn });
  await expect(dialog.getByLabel(t.identifier)).toBeFocused();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus stays in the box').toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('link', { name: t.forgot }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: t.forgot })).toBeFocused();
  await tabTo(page, page.getByLabel(t.identifier));
  await page.keyboard.type(account.username);
  await tabTo(page, page.getByLabel(t.robot));
  await page.keyboard.press('Space');
  await expect(page.getByText(t.checkedFull)).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: t.send }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: t.methodTitle })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: t.email }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: t.codeTitle })).toBeFocused();
  const code = await codeFromMailbox(context, account.email, t.mailbox);
  await tabTo(page, page.getByLabel(t.code));
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: t.passwordTitle })).toBeFocused();
  const password = NEW_PASSWORD;
  await tabTo(page, page.getByLabel(t.newPassword, { exact: true }));
  await page.keyboard.type(password);
  await tabTo(page, page.getByLabel(t.repeat));
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: t.doneTitle })).toBeFocused();
  await tabTo(page, page.getByRole('main').getByRole('button', { name: t.signIn }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel(t.identifier)).toHaveValue(account.username);
  await tabTo(page, dialog.getByLabel(t.password, { exact: true }));
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: t.myAccount })).toBeVisible();
});
}
