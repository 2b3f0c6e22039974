// The app's shell as a person first meets it: the release build loads cleanly and speaks the browser's
// language.
import { test, expect } from './fixtures';

const languages = [
  { locale: 'es-ES', lang: 'es', signIn: 'Iniciar sesión', myAccount: 'Mi cuenta', heading: 'Recupera el acceso a tu cuenta' },
  { locale: 'en-GB', lang: 'en', signIn: 'Sign in', myAccount: 'My account', heading: 'Get back into your account' },
];

for (const l of languages) {
  test.describe(`browser asking for ${l.locale}`, () => {
    test.use({ locale: l.locale });

    test('the page loads in that language with no console errors', async ({ page, isMobile }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: l.heading })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', l.lang);
      if (isMobile) {
        await expect(page.getByRole('link', { name: l.myAccount, exact: true })).toBeVisible();
        await expect(page.getByRole('button', { name: l.signIn })).toBeHidden();
      } else {
        await expect(page.getByRole('button', { name: l.signIn })).toBeVisible();
        await expect(page.getByRole('link', { name: l.myAccount, exact: true })).toBeHidden();
      }
    });
  });
}

test('the language switch changes the texts and is remembered after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recupera el acceso a tu cuenta');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recupera el acceso a tu cuenta');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get back into your account');
});

test('?lang= in the URL wins over the browser language', async ({ page }) => {
  await page.goto('/?lang=es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recupera el acceso a tu cuenta');
});

test('a deep link serves the app, not a 404', async ({ page }) => {
  const response = await page.goto('/recuperar/some-flow/codigo');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('opening the identify screen asks for one bot-check challenge, started before the app runs', async ({ page }) => {
  const challenges: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/bot-check/challenge')) challenges.push(request.url());
  });
  await page.goto('/recuperar?lang=es');
  await page.getByLabel('No soy un robot').check();
  await expect(page.getByText('Comprobado')).toBeVisible();
  // The early request (js/early_challenge.js) is the one the app used: no second one.
  expect(challenges).toHaveLength(1);
  // Elsewhere nothing is asked for before the screen needs it.
  challenges.length = 0;
  await page.goto('/?lang=es');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(challenges).toHaveLength(0);
});
