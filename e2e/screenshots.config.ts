// `cargo xtask screenshots`: not a test suite but a walk through every screen, on a desktop and on a
// phone, in every language, writing a picture of each to target/screenshots/<lang>/ for translators.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './screenshots',
  outputDir: '../target/screenshots/.artifacts',
  reporter: [['list']],
  timeout: 120_000,
});
