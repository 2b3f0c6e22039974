// The whole journey as a person walks it, against the release build on the real server: identify →
// method → code (read from the dev mailbox) → new password → sign in with it.
import { test, expect, newAccount, codeFromMailbox, expectAccessible } from './fixtures';

const es = {
  locale: 'es-ES',
  signIn: 'Iniciar sesión',
  forgot: '¿Has olvidado la contraseña?',
  forgotMobile: '¿Has olvidado tu contraseña?',
  myAccount: 'Mi cuenta',
  signInOrUp: 'Identifícate / Regístrate',
  identifyLink: 'Identifícate',
  identifier: 'Email o ID de usuario',
  robot: 'No soy un robot',
  checked: 'Comprobado',
  send: 'Enviar',
  methodTitle: 'Elige cómo verificar',
  email: 'Verificación de Email',
  sms: 'Verificación por SMS',
  codeTitle: 'Escribe el código',
  code: 'Código de verificación',
  verify: 'Verificar',
  wrongCode: /Ese código no es correcto. Te quedan 4 intentos/,
  passwordTitle: 'Crea una contraseña nueva',
  newPassword: 'Nueva contraseña',
  repeat: 'Repite la contraseña nueva',
  change: 'Cambiar la contraseña',
  doneTitle: 'Se ha cambiado tu contraseña',
  password: 'Contraseña',
  mailbox: /Buzón de pruebas/,
  stepTitle: 'Paso 2 de 4: Elige cómo verificar — Recupera',
  badCredentials: /no coinciden/,
};

const en = {
  locale: 'en-GB',
  signIn: 'Sign in',
  forgot: 'Forgot your password?',
  forgotMobile: 'Forgot your password?',
  myAccount: 'My account',
  signInOrUp: 'Sign in / Sign up',
  identifyLink: 'Sign in',
  identifier: 'Email or user ID',
  robot: 'I am not a robot',
  checked: 'Checked',
  send: 'Send',
  methodTitle: 'Choose how to verify',
  email: 'Email verification',
  sms: 'SMS verification',
  codeTitle: 'Enter the code',
  code: 'Verification code',
  verify: 'Verify',
  wrongCode: /That code is not right. You have 4 tries left/,
  passwordTitle: 'Create a new password',
  newPassword: 'New password',
  repeat: 'Repeat the new password',
  change: 'Change password',
  doneTitle: 'Your password was changed',
  password: 'Password',
  mailbox: /Test mailbox/,
  stepTitle: 'Step 2 of 4: Choose how to verify — Recupera',
  badCredentials: /do not match/,
};

const NEW_PASSWORD = 'Él vio siete cebras ñoñas en Cádiz';

for (const t of [es, en]) {
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

      const code = await codeFromMailbox(context, account.email, t.mailbox);
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
      await page.getByRole('link', { name: t.myAccount, exact: true }).click();
      await expect(page.getByRole('heading', { name: t.signInOrUp })).toBeVisible();
      await expectAccessible(page, 'my account, signed out');
      await page.getByRole('main').getByRole('link', { name: t.identifyLink, exact: true }).click();
      await expectAccessible(page, 'sign-in page');
      await page.getByRole('link', { name: t.forgotMobile }).click();

      await page.getByLabel(t.identifier).fill(account.username);
      await page.getByLabel(t.robot).check();
      await expect(page.getByText(t.checked)).toBeVisible();
      await page.getByRole('button', { name: t.send }).click();
      await expectAccessible(page, 'choose method');
      await page.getByRole('button', { name: t.sms }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.codeTitle })).toBeVisible();
      await expectAccessible(page, 'enter code');

      const code = await codeFromMailbox(context, account.phone!, t.mailbox);
      await page.getByLabel(t.code).fill(code);
      await page.getByRole('button', { name: t.verify }).click();
      await page.getByLabel(t.newPassword, { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(t.repeat).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: t.change }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.doneTitle })).toBeVisible();

      await page.getByRole('main').getByRole('button', { name: t.signIn }).click();
      await expect(page.getByLabel(t.identifier)).toHaveValue(account.username);
      await page.getByLabel(t.password, { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('main').getByRole('button', { name: t.signIn }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.myAccount })).toBeVisible();
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

test('reloading on a step lands on the same step', async ({ page, context, baseURL }) => {
  const account = await newAccount(baseURL!, false);
  await page.goto('/recuperar?lang=es');
  await page.getByLabel('Email o ID de usuario').fill(account.username);
  await page.getByLabel('No soy un robot').check();
  await expect(page.getByText('Comprobado')).toBeVisible();
  await page.getByRole('button', { name: 'Enviar' }).click();
  await page.getByRole('button', { name: 'Verificación de Email' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Escribe el código' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Escribe el código' })).toBeVisible();
  // Another browser (a second device) continues the same flow from its address.
  const other = await context.browser()!.newContext({ locale: 'es-ES' });
  const phone = await other.newPage();
  await phone.goto(page.url());
  await expect(phone.getByRole('heading', { level: 1, name: 'Escribe el código' })).toBeVisible();
  await other.close();
});
