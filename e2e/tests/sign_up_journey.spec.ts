// Journey 6: a person creates an account (proving the email by its code), signs in, adds a phone and
// proves it by its SMS code, signs out, forgets the password and gets back in by SMS.
import { test, expect, codeFromMailbox, expectAccessible } from './fixtures';
import { LANGUAGES, NEW_PASSWORD } from './texts';

for (const t of LANGUAGES) {
  test.describe(`in ${t.locale}`, () => {
    test.use({ locale: t.locale });

    test('sign up → confirm the email → sign in → add a phone → confirm it → recover by SMS → sign in with the new password', async ({ page, context }) => {
      const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
      const username = `nueva-${id}`;
      const email = `nueva-${id}@recupera.test`;
      const phone = `+3462${Math.floor(1e6 + Math.random() * 8e6)}`;
      const newPhone = `+3463${Math.floor(1e6 + Math.random() * 8e6)}`;
      const firstPassword = 'Mi primera contraseña de verdad';

      await page.goto(`/registro?lang=${t.lang}`);
      await expect(page.getByRole('heading', { level: 1, name: t.signUpTitle })).toBeVisible();
      await page.getByLabel(t.username, { exact: true }).fill(username);
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel(t.phone).fill(phone);
      await page.getByLabel(t.password, { exact: true }).fill(firstPassword);
      await page.getByLabel(t.robot).check();
      await expect(page.getByText(t.checkedFull)).toBeVisible();
      await expectAccessible(page, 'sign-up form');
      await page.getByRole('button', { name: t.createAccount }).click();

      // Nothing exists yet: the code mailed to the address makes the account.
      await expect(page.getByRole('heading', { level: 1, name: t.signUpCodeTitle })).toBeVisible();
      await expect(page.getByRole('status')).toContainText(t.signUpCodeSent);
      await expect(page.getByRole('status')).toContainText(email);
      await expectAccessible(page, 'sign-up code');
      // Back to the form, as it was left; sent again, it mails a new code.
      await page.getByRole('button', { name: t.changeDetails }).click();
      await expect(page.getByLabel(t.username, { exact: true })).toHaveValue(username);
      await page.getByLabel(t.robot).check();
      await expect(page.getByText(t.checkedFull)).toBeVisible();
      await page.getByRole('button', { name: t.createAccount }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.signUpCodeTitle })).toBeVisible();
      const signUpCode = await codeFromMailbox(context, email, t.mailbox);
      await page.getByLabel(t.code).fill(signUpCode);
      await page.getByRole('button', { name: t.confirm }).click();
      await expect(page.getByRole('status')).toHaveText(t.created);
      await expectAccessible(page, 'account created');

      await page.getByRole('main').getByRole('link', { name: t.identifyLink, exact: true }).click();
      await page.getByLabel(t.identifier).fill(username);
      await page.getByLabel(t.password, { exact: true }).fill(firstPassword);
      await page.getByRole('main').getByRole('button', { name: t.signIn }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.myAccount })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(email);

      // The phone typed in the form is not proven: nothing goes to it until its SMS code is typed.
      // This person adds another one instead, and proves that.
      const phoneSection = page.getByRole('region', { name: t.accountPhone, exact: true });
      await expect(phoneSection).toContainText(t.phoneUnconfirmed);
      await expectAccessible(page, 'my account, phone unconfirmed');
      await phoneSection.getByRole('button', { name: t.addPhone }).click();
      await phoneSection.getByLabel(t.newPhone, { exact: true }).fill(newPhone);
      await expectAccessible(page, 'my account, new phone');
      await phoneSection.getByRole('button', { name: t.sendSms }).click();
      await expect(phoneSection.getByRole('status')).toContainText(t.phoneCodeSent);
      const phoneCode = await codeFromMailbox(context, newPhone, t.mailbox);
      await phoneSection.getByLabel(t.code).fill(phoneCode);
      await expectAccessible(page, 'my account, phone code');
      await phoneSection.getByRole('button', { name: t.confirm }).click();
      await expect(phoneSection.getByRole('status')).toHaveText(t.phoneConfirmed);
      await expect(phoneSection).not.toContainText(t.phoneUnconfirmed);
      await page.getByRole('button', { name: t.signOut }).click();
      await expect(page.getByRole('heading', { name: t.signInOrUp })).toBeVisible();

      await page.getByRole('main').getByRole('link', { name: t.identifyLink, exact: true }).click();
      await page.getByRole('link', { name: t.forgotMobile }).click();
      await page.getByLabel(t.identifier).fill(email);
      await page.getByLabel(t.robot).check();
      await expect(page.getByText(t.checkedFull)).toBeVisible();
      await page.getByRole('button', { name: t.send }).click();
      await page.getByRole('button', { name: t.sms }).click();
      const code = await codeFromMailbox(context, newPhone, t.mailbox);
      // The phone never proven got nothing at all.
      const mailbox: { to: string }[] = await (await page.request.get('/api/v1/dev/mailbox')).json();
      expect(mailbox.filter((m) => m.to === phone)).toHaveLength(0);
      await page.getByLabel(t.code).fill(code.replace(' ', '-'));
      await page.getByRole('button', { name: t.verify }).click();
      await page.getByLabel(t.newPassword, { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(t.repeat).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: t.change }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.doneTitle })).toBeVisible();

      await page.getByRole('main').getByRole('button', { name: t.signIn }).click();
      await expect(page.getByLabel(t.identifier)).toHaveValue(email);
      await page.getByLabel(t.password, { exact: true }).fill(firstPassword);
      await page.getByLabel(t.password, { exact: true }).press('Enter');
      await expect(page.getByRole('alert')).toContainText(t.badCredentials);
      await page.getByLabel(t.password, { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(t.password, { exact: true }).press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: t.myAccount })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(username);
    });
  });
}
