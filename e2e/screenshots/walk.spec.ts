// The walk behind `cargo xtask screenshots`. It finds elements by id rather than by their text: the
// texts are what is being looked at here, in languages (the pseudo-locale) a walk could not match.
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { newAccount } from '../tests/fixtures';
import { languageFolders } from '../tests/languages';

/** Every language of locales/, the pseudo-locales included. */
const LANGUAGES = languageFolders({ pseudo: true });
const NEW_PASSWORD = 'Él vio siete cebras ñoñas en Cádiz';

for (const lang of LANGUAGES) {
  test(`every screen in ${lang}`, async ({ page, baseURL }, testInfo) => {
    const layout = testInfo.project.name;
    const folder = `${__dirname}/../../target/screenshots/${lang}`;
    mkdirSync(folder, { recursive: true });
    let count = 0;
    const shot = async (screen: string) => {
      count += 1;
      // Let fonts and the last transition settle into the picture.
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({
        path: `${folder}/${layout}-${String(count).padStart(2, '0')}-${screen}.png`,
        fullPage: true,
        animations: 'disabled',
      });
    };
    const ready = (page: Page) => expect(page.locator('h1')).toBeVisible();

    const account = await newAccount(baseURL!, true);
    await page.goto(`/?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await ready(page);
    await shot('home');

    if (layout === 'desktop') {
      await page.locator('.header-sign-in').click();
      await expect(page.locator('dialog[open]')).toBeVisible();
      await shot('sign-in-box');
      await page.keyboard.press('Escape');
    } else {
      await page.locator('.header-my-account').click();
      await expect(page.locator('.account-entry')).toBeVisible();
      await shot('my-account-signed-out');
      await page.goto('/identificate');
      await expect(page.locator('#sign-in-identifier')).toBeVisible();
      await shot('sign-in-page');
    }

    await page.goto('/registro');
    await expect(page.locator('#sign-up-username')).toBeVisible();
    await page.locator('button[type=submit]').click();
    await expect(page.locator('.error-summary')).toBeVisible();
    await shot('sign-up-with-errors');

    await page.goto('/recuperar');
    await expect(page.locator('#recovery-identifier')).toBeVisible();
    await page.locator('button[type=submit]').click();
    await expect(page.locator('.error-summary')).toBeVisible();
    await shot('recovery-identify-with-errors');
    await page.locator('#recovery-identifier').fill(account.email);
    await page.locator('#bot-check').check();
    await expect(page.locator('#bot-check')).toBeChecked();
    await expect(page.locator('progress')).toHaveCount(0, { timeout: 30_000 });
    await shot('recovery-identify');
    await page.locator('button[type=submit]').click();

    await expect(page.locator('.method-choice').first()).toBeVisible();
    await shot('recovery-method');
    await page.locator('.method-choice').first().click();

    await expect(page.locator('#recovery-code')).toBeVisible();
    await shot('recovery-code');
    await page.locator('#recovery-code').fill('0000 0000');
    await page.locator('button[type=submit]').click();
    await expect(page.locator('.error-summary')).toBeVisible();
    await shot('recovery-code-wrong');

    const mailbox = await page.context().newPage();
    await mailbox.goto('/dev/buzon');
    await expect(mailbox.locator('li').filter({ hasText: account.email }).first()).toBeVisible();
    await mailbox.screenshot({ path: `${folder}/${layout}-${String(++count).padStart(2, '0')}-dev-mailbox.png`, fullPage: true });
    const body = await mailbox.locator('li').filter({ hasText: account.email }).first().locator('pre').textContent();
    await mailbox.close();
    const code = body!.match(/\d{4} \d{4}/)![0];
    await page.locator('#recovery-code').fill(code);
    await page.locator('button[type=submit]').click();

    await expect(page.locator('#new-password')).toBeVisible();
    await page.locator('#new-password').fill('password');
    await expect(page.locator('.password-rules')).toBeVisible();
    await shot('recovery-new-password-weak');
    await page.locator('#new-password').fill(NEW_PASSWORD);
    await page.locator('#new-password-confirmation').fill(NEW_PASSWORD);
    await shot('recovery-new-password');
    await page.locator('button[type=submit]').click();

    // The done step's button is a plain button; the password step's was the form's submit.
    await expect(page.locator('.wizard button.button-primary[type=button]')).toBeVisible();
    await expect(page.locator('#new-password')).toHaveCount(0);
    await shot('recovery-done');
    await page.locator('.wizard .button-primary').click();
    await expect(page.locator('#sign-in-password')).toBeVisible();
    await page.locator('#sign-in-password').fill(NEW_PASSWORD);
    await page.locator('#sign-in-password').press('Enter');
    await expect(page.locator('.account-details')).toBeVisible();
    await shot('my-account');
    // A new phone: its form, then the code that went to it by SMS.
    await page.locator('#account-phone-heading ~ button.button-secondary').click();
    await page.locator('#new-phone').fill('+34 699 000 123');
    await shot('my-account-new-phone');
    await page.locator('#new-phone').press('Enter');
    await expect(page.locator('#phone-code')).toBeVisible();
    await shot('my-account-phone-code');

    await page.goto('/ruta-que-no-existe');
    await ready(page);
    await shot('not-found');
  });
}
