// Journey 7: password guessing is held back without locking the owner out. After three wrong
// passwords the sign-in form asks for the "I am not a robot" check; ticking it, the owner gets in.
import { test, expect, newAccount, expectAccessible } from './fixtures';
import { LANGUAGES } from './texts';

for (const t of LANGUAGES) {
  test.describe(`in ${t.locale}`, () => {
    test.use({ locale: t.locale });

    test('three wrong passwords → the check appears → ticked, the right password signs in', async ({ page, baseURL, isMobile }) => {
      const account = await newAccount(baseURL!, false);
      await page.goto(`/?lang=${t.lang}`);
      // The sign-in box on wide screens, the sign-in page on phones.
      let form;
      if (isMobile) {
        await page.getByRole('link', { name: t.myAccount, exact: true }).click();
        await page.getByRole('main').getByRole('link', { name: t.identifyLink, exact: true }).click();
        form = page.getByRole('main');
      } else {
        await page.getByRole('button', { name: t.signIn }).click();
        form = page.getByRole('dialog');
      }
      await form.getByLabel(t.identifier).fill(account.email);
      for (const guess of ['primer intento fallido', 'segundo intento fallido', 'tercer intento fallido']) {
        await form.getByLabel(t.password, { exact: true }).fill(guess);
        await form.getByRole('button', { name: t.signIn }).click();
        await expect(form.getByRole('alert')).toContainText(t.badCredentials);
        await expect(form.getByLabel(t.robot)).toHaveCount(0);
      }
      // The fourth try, even with the right password, needs the check first.
      await form.getByLabel(t.password, { exact: true }).fill(account.password);
      await form.getByRole('button', { name: t.signIn }).click();
      await expect(form.getByRole('alert')).toContainText(t.botCheckRequired);
      await expect(form.getByLabel(t.robot)).toBeVisible();
      await expectAccessible(page, 'sign-in asking for the check');
      await form.getByLabel(t.robot).check();
      await expect(form.getByText(t.checkedFull)).toBeVisible();
      await form.getByRole('button', { name: t.signIn }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.myAccount })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(account.email);
    });
  });
}
