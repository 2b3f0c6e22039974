// The desktop journey with the keyboard alone (Tab, Shift+Tab, Enter, Space, Esc): every control is
// reachable, operable, and the sign-in box keeps and returns focus.
import { test, expect, newAccount, codeFromMailbox } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, backwards = false) {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target} with the keyboard`);
}

test.use({ locale: 'es-ES' });

test('the whole recovery with the keyboard only @desktop', async ({ page, context, baseURL }) => {
  const account = await newAccount(baseURL!, false);
  await page.goto('/');

  // The sign-in box opens, holds focus, closes on Esc and gives focus back to its opener.
  const opener = page.getByRole('button', { name: 'Iniciar sesión' });
  await tabTo(page, opener);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Iniciar sesión' });
  await expect(dialog.getByLabel('Email o ID de usuario')).toBeFocused();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus stays in the box').toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('link', { name: '¿Has olvidado la contraseña?' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: '¿Has olvidado la contraseña?' })).toBeFocused();
  await tabTo(page, page.getByLabel('Email o ID de usuario'));
  await page.keyboard.type(account.username);
  await tabTo(page, page.getByLabel('No soy un robot'));
  await page.keyboard.press('Space');
  await expect(page.getByText('Comprobado. Puedes continuar.')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Enviar' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Elige cómo verificar' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Verificación de Email' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Escribe el código' })).toBeFocused();
  const code = await codeFromMailbox(context, account.email, /Buzón de pruebas/);
  await tabTo(page, page.getByLabel('Código de verificación'));
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Crea una contraseña nueva' })).toBeFocused();
  const password = 'Él vio siete cebras ñoñas en Cádiz';
  await tabTo(page, page.getByLabel('Nueva contraseña', { exact: true }));
  await page.keyboard.type(password);
  await tabTo(page, page.getByLabel('Repite la contraseña nueva'));
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Se ha cambiado tu contraseña' })).toBeFocused();
  await tabTo(page, page.getByRole('main').getByRole('button', { name: 'Iniciar sesión' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Email o ID de usuario')).toHaveValue(account.username);
  await tabTo(page, dialog.getByLabel('Contraseña', { exact: true }));
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Mi cuenta' })).toBeVisible();
});
