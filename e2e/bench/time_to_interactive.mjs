// Time to interactive, for `cargo xtask bench`: navigation start → the identify field can take focus
// and the bot check holds its challenge, in headless Chromium on loopback. Each load is a fresh
// browser context (nothing cached). The reference is a static form page of the same content served
// by the same server, measured the same way in the same run.
//
// Usage: node e2e/bench/time_to_interactive.mjs <base-url> <loads>
// Prints one JSON object: { app: [ms…], reference: [ms…] }.
import { chromium } from 'playwright-core';

const [base, loadsArg] = process.argv.slice(2);
const loads = Number(loadsArg ?? 15);

// Runs in the page before any of its own code: notes when the field appears (and can take focus)
// and when the challenge has arrived, on the page's own clock (ms since navigation start).
function watch() {
  const marks = { field: null, challenge: null };
  window.__interactive = marks;
  new MutationObserver(() => {
    if (marks.field !== null) return;
    const field = document.getElementById('recovery-identifier');
    if (field && !field.disabled) marks.field = performance.now();
  }).observe(document, { subtree: true, childList: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name.includes('/api/v1/bot-check/challenge')) marks.challenge = entry.responseEnd;
    }
  }).observe({ type: 'resource', buffered: true });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

async function load(path, needsChallenge) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(watch);
  await page.goto(new URL(path, base).href, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (needsChallenge) => {
      const marks = window.__interactive;
      if (!marks || marks.field === null || (needsChallenge && marks.challenge === null)) return null;
      return Math.max(marks.field, needsChallenge ? marks.challenge : 0);
    },
    needsChallenge,
    { timeout: 30_000 },
  );
  const ms = await handle.jsonValue();
  await context.close();
  return ms;
}

const result = { app: [], reference: [] };
// One unmeasured load of each warms the server and the browser process, not the page caches.
await load('/recuperar', true);
await load('/bench-reference.html', false);
for (let i = 0; i < loads; i++) {
  // Interleaved, so a slow moment of the machine hits both alike.
  result.app.push(await load('/recuperar', true));
  result.reference.push(await load('/bench-reference.html', false));
}
await browser.close();
console.log(JSON.stringify(result));
