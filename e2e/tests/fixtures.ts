// What every end-to-end test shares: the page fails its test on any console error or uncaught
// exception (a broken wasm-opt, a CSP violation, a 404 for an asset all show up there).
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      expect(errors, 'the browser console shows no errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
