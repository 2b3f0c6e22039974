// The app's shell as a person first meets it: the release build loads cleanly and speaks the browser's
// language.
import { test, expect } from './fixtures';
import { languageFolders } from './languages';

const languages = [
  { locale: 'es-ES', lang: 'es', signIn: 'Iniciar sesión', myAccount: 'Mi cuenta', heading: 'Recupera el acceso a tu cuenta' },
  { locale: 'en-GB', lang: 'en', signIn: 'Sign in', myAccount: 'My account', heading: 'Get back into your account' },
  { locale: 'pt-BR', lang: 'pt-BR', signIn: 'Entrar', myAccount: 'Minha conta', heading: 'Recupere o acesso à sua conta' },
  // Portugal's browsers get Brazil's Portuguese rather than English.
  { locale: 'pt-PT', lang: 'pt-BR', signIn: 'Entrar', myAccount: 'Minha conta', heading: 'Recupere o acesso à sua conta' },
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

test('the language switch offers every language of locales/, each named in itself', async ({ page }) => {
  await page.goto('/');
  const switcher = page.getByRole('group', { name: 'Language' });
  const offered = await switcher.getByRole('button').evaluateAll((buttons) =>
    buttons.map((button) => button.getAttribute('lang')),
  );
  expect(offered.sort()).toEqual(languageFolders({ pseudo: false }));
  await switcher.getByRole('button', { name: 'Português' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recupere o acesso à sua conta');
});

test('the right-to-left pseudo-locale mirrors the page', async ({ page, isMobile }) => {
  await page.goto('/recuperar?lang=en-XB');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XB');
  // The brand starts the header on the right, and the form's text runs from the right edge.
  const brand = await page.locator('header .brand').boundingBox();
  const other = await page.locator(isMobile ? '.header-my-account' : '.header-sign-in').boundingBox();
  expect(brand!.x).toBeGreaterThan(other!.x);
  const back = await page.locator('.back-link').boundingBox();
  const field = await page.locator('#recovery-identifier').boundingBox();
  expect(Math.abs(back!.x + back!.width - (field!.x + field!.width))).toBeLessThan(2);
  expect(back!.x - field!.x).toBeGreaterThan(field!.width / 2);
  // Every word comes through right-to-left overrides: no plain English is left.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('\u202E');
});
