// The whole journey as a person walks it, against the release build on the real server: identify →
// method → code (read from the dev mailbox) → new password → sign in with it.
import { test, expect, newAccount, codeFromMailbox, expectAccessible, startRecovery } from './fixtures';
import { LANGUAGES, NEW_PASSWORD } from './texts';


for (const t of LANGUAGES) {
  test.describe(`in ${t.locale}`, () => {
    test.use({ locale: t.locale });

    test('desktop: sign-in box → forgot → email code → new password → sign in @desktop', async ({ page, context, baseURL }) => {
      const account = await newAccount(baseURL!, false);
      await page.goto('/');
      await expectAccessible(page, 'home');
      await page.getByRole('button', { name: t.signIn }).click();
      const dialog = page.getByRole('dialog', { name: t.signIn });
      await expect(dialog).toBeVisible();
      await expectAccessible(page, 'sign-in box');
      await dialog.getByRole('link', { name: t.forgot }).click();

      await expectAccessible(page, 'identify');
      await page.getByLabel(t.identifier).fill(account.email);
      await page.getByLabel(t.robot).check();
      await expect(page.getByText(t.checked)).toBeVisible();
      await page.getByRole('button', { name: t.send }).click();

      await expect(page.getByRole('heading', { level: 1, name: t.methodTitle })).toBeFocused();
      await expect(page).toHaveTitle(t.stepTitle);
      await expectAccessible(page, 'choose method');
      await page.getByRole('button', { name: t.email }).click();

      await expect(page.getByRole('heading', { level: 1, name: t.codeTitle })).toBeVisible();
      await expectAccessible(page, 'enter code');
      await page.getByLabel(t.code).fill('0000-0000');
      await page.getByRole('button', { name: t.verify }).click();
      await expect(page.getByRole('alert')).toContainText(t.wrongCode);
      await expectAccessible(page, 'enter code, wrong code');

      const code = await codeFromMailbox(context, account.email, t.mailbox, true);
      await page.getByLabel(t.code).fill(code.replace(' ', '-'));
      await page.getByRole('button', { name: t.verify }).click();

      await expect(page.getByRole('heading', { level: 1, name: t.passwordTitle })).toBeVisible();
      await page.getByLabel(t.newPassword, { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(t.repeat).fill(NEW_PASSWORD);
      await expectAccessible(page, 'new password');
      await page.getByRole('button', { name: t.change }).click();

      await expect(page.getByRole('heading', { level: 1, name: t.doneTitle })).toBeVisible();
      await expectAccessible(page, 'done');
      await page.getByRole('main').getByRole('button', { name: t.signIn }).click();
      await expect(dialog.getByLabel(t.identifier)).toHaveValue(account.email);
      // The old password no longer signs in …
      await dialog.getByLabel(t.password, { exact: true }).fill(account.password);
      await dialog.getByRole('button', { name: t.signIn }).click();
      await expect(dialog.getByRole('alert')).toContainText(t.badCredentials);
      // … the new one does.
      await dialog.getByLabel(t.password, { exact: true }).fill(NEW_PASSWORD);
      await dialog.getByRole('button', { name: t.signIn }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.myAccount })).toBeVisible();
      await expect(page.getByText(account.email)).toBeVisible();
      await expectAccessible(page, 'my account');
    });

    test('mobile: Mi cuenta → Identifícate → forgot (blue link) → SMS code → new password → sign in @mobile', async ({ page, context, baseURL }) => {
      const account = await newAccount(baseURL!, true);
      await page.goto('/');
      await expectAccessible(page, 'home');
      await page.getByRole('link', { name: t.myAccount, exact: true }).click();
      await expect(page.getByRole('heading', { name: t.signInOrUp })).toBeVisible();
      await expectAccessible(page, 'my account, signed out');
      await page.getByRole('main').getByRole('link', { name: t.identifyLink, exact: true }).click();
      await expectAccessible(page, 'sign-in page');
      await page.getByRole('link', { name: t.forgotMobile }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.forgot })).toBeVisible();
      await expectAccessible(page, 'identify');

      await page.getByLabel(t.identifier).fill(account.username);
      await page.getByLabel(t.robot).check();
      await expect(page.getByText(t.checked)).toBeVisible();
      await page.getByRole('button', { name: t.send }).click();
      await expectAccessible(page, 'choose method');
      await page.getByRole('button', { name: t.sms }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.codeTitle })).toBeVisible();
      await expectAccessible(page, 'enter code');

      const code = await codeFromMailbox(context, account.phone!, t.mailbox, true);
      await page.getByLabel(t.code).fill(code);
      await page.getByRole('button', { name: t.verify }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.passwordTitle })).toBeVisible();
      await expectAccessible(page, 'new password');
      await page.getByLabel(t.newPassword, { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(t.repeat).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: t.change }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.doneTitle })).toBeVisible();
      await expectAccessible(page, 'done');

      await page.getByRole('main').getByRole('button', { name: t.signIn }).click();
      await expect(page.getByLabel(t.identifier)).toHaveValue(account.username);
      await page.getByLabel(t.password, { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('main').getByRole('button', { name: t.signIn }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.myAccount })).toBeVisible();
      await expectAccessible(page, 'my account');
      // Nothing overflows even the narrowest phones (320 px), on any screen of the journey.
      await page.setViewportSize({ width: 320, height: 640 });
      for (const path of ['/', '/mi-cuenta', '/identificate', '/registro', '/recuperar', '/dev/buzon']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        expect(overflow, `nothing overflows ${path} at 320 px`).toBe(false);
      }
    });
  });
}

for (const t of LANGUAGES) {
  test(`in ${t.locale}: reloading on every step lands on that step; the link opened in another browser cannot continue it`, async ({ page, context, baseURL }) => {
    const account = await newAccount(baseURL!, false);
    const again = async (heading: string) => {
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    };
    await startRecovery(page, t, account.username);
    await again(t.methodTitle);
    await page.getByRole('button', { name: t.email }).click();
    await again(t.codeTitle);

    // The same address in another browser (a phisher's link, or a second device): the recovery
    // belongs to the browser that started it. The page says so and offers to start one there.
    const other = await context.browser()!.newContext({ locale: t.locale });
    const elsewhere = await other.newPage();
    await elsewhere.goto(page.url());
    await expect(elsewhere.getByRole('alert')).toContainText(t.startedElsewhere);
    await expect(elsewhere.getByRole('heading', { level: 1, name: t.codeTitle })).toHaveCount(0);
    await expectAccessible(elsewhere, 'recovery started elsewhere');
    await elsewhere.getByRole('link', { name: t.startHere }).click();
    await expect(elsewhere.getByRole('heading', { level: 1, name: t.forgot })).toBeVisible();
    await other.close();

    // The browser that started it goes on.
    const code = await codeFromMailbox(context, account.email, t.mailbox);
    await page.getByLabel(t.code).fill(code);
    await page.getByRole('button', { name: t.verify }).click();
    await again(t.passwordTitle);
    await page.getByLabel(t.newPassword, { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel(t.repeat).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: t.change }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.doneTitle })).toBeVisible();
    // Once the password has changed, the address no longer opens the flow; it says why.
    await page.reload();
    await expect(page.getByRole('alert')).toHaveText(t.flowCompleted);
  });
}
