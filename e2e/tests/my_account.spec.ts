// Journey 7: Mi cuenta, signed in: a new password (the current one first), and a session on another
// device ended from here, which is then signed out there.
import { test, expect, newAccount, expectAccessible } from './fixtures';
import { LANGUAGES, NEW_PASSWORD } from './texts';

for (const t of LANGUAGES) {
  test.describe(`in ${t.locale}`, () => {
    test.use({ locale: t.locale });

    /** Signs `account` in on the sign-in page of `page`; Mi cuenta shows. */
    async function signIn(page: import('@playwright/test').Page, identifier: string, password: string) {
      await page.goto(`/identificate?lang=${t.lang}`);
      await page.getByLabel(t.identifier).fill(identifier);
      await page.getByLabel(t.password, { exact: true }).fill(password);
      await page.getByRole('main').getByRole('button', { name: t.signIn }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.myAccount })).toBeVisible();
    }

    test('change the password while signed in: the other device is signed out, the new password signs in', async ({ page, browser, baseURL }) => {
      const account = await newAccount(baseURL!, false);
      await signIn(page, account.username, account.password);
      const elsewhere = await browser.newContext({ baseURL, locale: t.locale });
      const other = await elsewhere.newPage();
      await signIn(other, account.email, account.password);

      const section = page.getByRole('region', { name: t.accountPassword, exact: true });
      await section.getByRole('button', { name: t.changePassword }).click();
      await section.getByLabel(t.currentPassword, { exact: true }).fill('no es la contraseña de verdad');
      await section.getByLabel(t.accountNewPassword, { exact: true }).fill(NEW_PASSWORD);
      await expectAccessible(page, 'my account, new password');
      await section.getByRole('button', { name: t.savePassword }).click();
      await expect(section.getByRole('alert')).toContainText(t.currentPasswordWrong);
      await section.getByLabel(t.currentPassword, { exact: true }).fill(account.password);
      await section.getByRole('button', { name: t.savePassword }).click();
      await expect(section.getByRole('status')).toContainText(t.passwordChanged);

      // The other device is out: a reload there shows the way in.
      await other.reload();
      await expect(other.getByRole('heading', { name: t.signInOrUp })).toBeVisible();
      await elsewhere.close();
      // Here still signed in; the old password no longer works, the new one does.
      await page.getByRole('button', { name: t.signOut }).click();
      await page.goto(`/identificate?lang=${t.lang}`);
      await page.getByLabel(t.identifier).fill(account.username);
      await page.getByLabel(t.password, { exact: true }).fill(account.password);
      await page.getByLabel(t.password, { exact: true }).press('Enter');
      await expect(page.getByRole('alert')).toContainText(t.badCredentials);
      await page.getByLabel(t.password, { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(t.password, { exact: true }).press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: t.myAccount })).toBeVisible();
    });

    test('end the session of another device: it is refused there', async ({ page, browser, baseURL }) => {
      const account = await newAccount(baseURL!, false);
      const elsewhere = await browser.newContext({ baseURL, locale: t.locale, userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' });
      const other = await elsewhere.newPage();
      await signIn(other, account.username, account.password);
      await signIn(page, account.username, account.password);

      // The new-email form, as a person opens it (axe-core on it too); left without sending.
      const emailSection = page.getByRole('region', { name: 'Email', exact: true });
      await emailSection.getByRole('button', { name: t.changeEmail }).click();
      await expect(emailSection.getByLabel(t.newEmail, { exact: true })).toBeFocused();
      await expectAccessible(page, 'my account, new email');
      await emailSection.getByRole('button', { name: t.cancel }).click();

      const sessions = page.getByRole('region', { name: t.sessionsTitle });
      await expect(sessions.getByRole('listitem')).toHaveCount(2);
      await expect(sessions.getByRole('listitem').filter({ hasText: t.thisDevice })).toHaveCount(1);
      const firefox = sessions.getByRole('listitem').filter({ hasText: /Firefox .* Linux/ });
      await expect(firefox).toHaveCount(1);
      await expectAccessible(page, 'my account, sessions');
      await firefox.getByRole('button', { name: t.endThere }).click();
      await expect(sessions.getByRole('status')).toHaveText(t.sessionEnded);
      await expect(sessions.getByRole('listitem')).toHaveCount(1);

      // There, the next request finds no session: Mi cuenta offers the way in again.
      await other.reload();
      await expect(other.getByRole('heading', { name: t.signInOrUp })).toBeVisible();
      await elsewhere.close();
    });
  });
}
