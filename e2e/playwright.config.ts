// End-to-end tests: Playwright drives Debian's Chromium (no browser download) against the real server
// serving the release build. `cargo xtask test` starts the server and sets RECUPERA_URL.
import { defineConfig, devices } from '@playwright/test';

const baseURL = process.env.RECUPERA_URL ?? 'http://127.0.0.1:8080/';

export default defineConfig({
  testDir: './tests',
  outputDir: '../target/e2e/artifacts',
  // One worker: the machine has two cores and the server shares them.
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json'], ['./summary-reporter.ts']],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // Tests tagged @desktop or @mobile run only in that layout; the rest in both.
    { name: 'desktop', grepInvert: /@mobile/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
    {
      name: 'mobile',
      grepInvert: /@desktop/,
      use: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
  ],
});
