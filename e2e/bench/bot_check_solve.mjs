// How long a person waits for the "no soy un robot" check, for `cargo xtask bench`: the app itself
// (its wasm and the browser's WebCrypto) solves the challenges given on stdin, in headless Chromium
// on loopback, one fresh page each. The served challenge is replaced by the given one, so the server
// can run with a cheap check for the load measurements while this measures the default's cost.
// Timed on the page's clock from ticking the box until the check is no longer busy and holds a
// solution.
//
// Usage: node e2e/bench/bot_check_solve.mjs <base-url> < challenges.json   (a JSON array)
// Prints one JSON object: { solve_ms: [ms…] }
import { chromium } from 'playwright-core';

const [base] = process.argv.slice(2);
const challenges = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

async function solve(challenge) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.route('**/api/v1/bot-check/challenge*', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(challenge) }));
  const fetched = page.waitForResponse((response) => response.url().includes('/api/v1/bot-check/challenge'));
  await page.goto(new URL('/recuperar', base).href);
  await page.locator('#bot-check').waitFor();
  // Ticked once the prefetched challenge has arrived, as by a person who reads the screen first.
  await fetched;
  const ms = await page.evaluate(() => new Promise((resolve, reject) => {
    const check = document.querySelector('.bot-check');
    const box = document.getElementById('bot-check');
    const started = performance.now();
    let busy = false;
    const done = () => {
      busy ||= check.getAttribute('aria-busy') === 'true';
      if (!busy || check.getAttribute('aria-busy') !== 'false') return false;
      if (!box.checked) reject(new Error('the check failed'));
      else resolve(performance.now() - started);
      return true;
    };
    new MutationObserver(() => done()).observe(check, { attributes: true, subtree: true, childList: true });
    box.click();
  }));
  await context.close();
  return ms;
}

const result = { solve_ms: [] };
for (const challenge of challenges) result.solve_ms.push(await solve(challenge));
await browser.close();
console.log(JSON.stringify(result));
