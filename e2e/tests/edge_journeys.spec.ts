// The journeys around the main one: an identifier with no account looks exactly the same and gets
// no code; weak, common and mistyped new passwords are caught with their message.
import { test, expect, newAccount, codeFromMailbox } from './fixtures';
import type { Page } from '@playwright/test';

test.use({ locale: 'es-ES' });

async function identify(page: Page, identifier: string) {
  await page.goto('/recuperar');
  await page.getByLabel('Email o ID de usuario').fill(identifier);
  await page.getByLabel('No soy un robot').check();
  await expect(page.getByText('Comprobado. Puedes continuar.')).toBeVisible();
  await page.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Elige cómo verificar' })).toBeVisible();
}

test('an unknown email sees the same screens, and gets only a short notice, never a code', async ({ page, context }) => {
  const nobody = `nadie-${Date.now()}@recupera.test`;
  await identify(page, nobody);
  await page.getByRole('button', { name: 'Verificación de Email' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Escribe el código' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/Si la cuenta existe, te hemos enviado un código/);

  const mailbox = await context.newPage();
  await mailbox.goto('/dev/buzon');
  const notice = mailbox.getByRole('listitem').filter({ hasText: nobody });
  await expect(notice).toHaveCount(1);
  await expect(notice.getByRole('heading')).toHaveText('Recuperación de cuenta en Recupera');
  await expect(notice.locator('pre')).not.toHaveText(/\d{4} \d{4}/);

  // A wrong guess is refused just as for a real account.
  await page.getByLabel('Código de verificación').fill('1234 5678');
  await page.getByRole('button', { name: 'Verificar' }).click();
  await expect(page.getByRole('alert')).toContainText('Ese código no es correcto. Te quedan 4 intentos.');
});

test('an unknown phone is never sent an SMS', async ({ page, context }) => {
  const phone = `+3469${Math.floor(1e6 + Math.random() * 8e6)}`;
  await identify(page, phone);
  await page.getByRole('button', { name: 'Verificación por SMS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Escribe el código' })).toBeVisible();
  const mailbox = await context.newPage();
  await mailbox.goto('/dev/buzon');
  await expect(mailbox.getByRole('heading', { level: 1, name: 'Buzón de pruebas' })).toBeVisible();
  await expect(mailbox.getByRole('listitem').filter({ hasText: phone })).toHaveCount(0);
});

test('weak, common, personal and mistyped new passwords are caught with their message', async ({ page, context, baseURL }) => {
  const account = await newAccount(baseURL!, false);
  await identify(page, account.email);
  await page.getByRole('button', { name: 'Verificación de Email' }).click();
  const code = await codeFromMailbox(context, account.email, /Buzón de pruebas/);
  await page.getByLabel('Código de verificación').fill(code);
  await page.getByRole('button', { name: 'Verificar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Crea una contraseña nueva' })).toBeVisible();

  const newPassword = page.getByLabel('Nueva contraseña', { exact: true });
  const repeat = page.getByLabel('Repite la contraseña nueva');
  const change = page.getByRole('button', { name: 'Cambiar la contraseña' });
  const cases: [string, string, string][] = [
    ['corta', 'corta', 'La contraseña necesita al menos 15 caracteres.'],
    ['passwordpassword', 'passwordpassword', 'Esa contraseña es demasiado común o fácil de adivinar.'],
    [`soy ${account.username} y esta es mi clave`, `soy ${account.username} y esta es mi clave`, 'La contraseña no puede contener tu ID de usuario ni tu email.'],
    ['Él vio siete cebras ñoñas en Cádiz', 'El vio siete cebras ñoñas en Cádiz', 'Las dos contraseñas no coinciden.'],
  ];
  for (const [typed, repeated, message] of cases) {
    await newPassword.fill(typed);
    await repeat.fill(repeated);
    await change.click();
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(newPassword, 'what was typed is kept').toHaveValue(typed);
  }
  await repeat.fill('Él vio siete cebras ñoñas en Cádiz');
  await change.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Se ha cambiado tu contraseña' })).toBeVisible();
});
