// The journeys around the main one: an identifier with no account looks exactly the same and gets
// no code; weak, common and mistyped new passwords are caught with their message.
import { test, expect, newAccount, codeFromMailbox, startRecovery } from './fixtures';
import { LANGUAGES, NEW_PASSWORD } from './texts';

for (const t of LANGUAGES) {
  test.describe(`in ${t.locale}`, () => {
    test.use({ locale: t.locale });

    test('an unknown email sees the same screens, and gets only a short notice, never a code', async ({ page, context }) => {
      const nobody = `nadie-${Date.now()}-${t.lang}@recupera.test`;
      await startRecovery(page, t, nobody);
      await page.getByRole('button', { name: t.email }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.codeTitle })).toBeVisible();
      await expect(page.getByRole('status')).toHaveText(t.codeSent);

      const mailbox = await context.newPage();
      await mailbox.goto('/dev/buzon');
      const notice = mailbox.getByRole('listitem').filter({ hasText: nobody });
      await expect(notice).toHaveCount(1);
      await expect(notice.getByRole('heading')).toHaveText(t.noAccountSubject);
      await expect(notice.locator('pre')).not.toHaveText(/\d{4} \d{4}/);

      // A wrong guess is refused just as for a real account.
      await page.getByLabel(t.code).fill('1234 5678');
      await page.getByRole('button', { name: t.verify }).click();
      await expect(page.getByRole('alert')).toContainText(t.wrongCode);
    });

    test('Send pressed while the robot check is still solving is sent by itself once it is solved', async ({ page }) => {
      // A slow network for the challenge keeps the check solving when the button is pressed.
      await page.route('**/api/v1/bot-check/challenge*', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.goto(`/recuperar?lang=${t.lang}`);
      await page.getByLabel(t.identifier).fill(`nadie-${Date.now()}-${t.lang}@recupera.test`);
      await page.getByLabel(t.robot).check();
      await page.getByRole('button', { name: t.send }).click();
      await expect(page.getByRole('status')).toHaveText(t.sentWhenChecked);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1, name: t.methodTitle })).toBeVisible();
    });

    test('an unknown phone is never sent an SMS', async ({ page, context }) => {
      const phone = `+3469${Math.floor(1e6 + Math.random() * 8e6)}`;
      await startRecovery(page, t, phone);
      await page.getByRole('button', { name: t.sms }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.codeTitle })).toBeVisible();
      const mailbox = await context.newPage();
      await mailbox.goto('/dev/buzon');
      await expect(mailbox.getByRole('heading', { level: 1, name: t.mailbox })).toBeVisible();
      await expect(mailbox.getByRole('listitem').filter({ hasText: phone })).toHaveCount(0);
    });

    test('weak, common, personal and mistyped new passwords are caught with their message', async ({ page, context, baseURL }) => {
      const account = await newAccount(baseURL!, false);
      await startRecovery(page, t, account.email);
      await page.getByRole('button', { name: t.email }).click();
      const code = await codeFromMailbox(context, account.email, t.mailbox);
      await page.getByLabel(t.code).fill(code);
      await page.getByRole('button', { name: t.verify }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.passwordTitle })).toBeVisible();

      const newPassword = page.getByLabel(t.newPassword, { exact: true });
      const repeat = page.getByLabel(t.repeat);
      const change = page.getByRole('button', { name: t.change });
      // Random-looking but too short: the meter never calls a refused password more than weak.
      await newPassword.fill('Xk9#mQ2$vL');
      await expect(page.getByRole('meter')).toHaveAccessibleName(t.strengthWeak);
      const personal = `soy ${account.username} y esta es mi clave`;
      const cases: [string, string, string][] = [
        ['corta', 'corta', t.tooShort],
        ['passwordpassword', 'passwordpassword', t.common],
        [personal, personal, t.personal],
        [NEW_PASSWORD, NEW_PASSWORD.replace('É', 'E'), t.mismatch],
      ];
      for (const [typed, repeated, message] of cases) {
        await newPassword.fill(typed);
        await repeat.fill(repeated);
        await change.click();
        await expect(page.getByRole('alert')).toContainText(message);
        await expect(newPassword, 'what was typed is kept').toHaveValue(typed);
      }
      await repeat.fill(NEW_PASSWORD);
      await change.click();
      await expect(page.getByRole('heading', { level: 1, name: t.doneTitle })).toBeVisible();
    });
  });
}
