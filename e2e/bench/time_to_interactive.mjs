// Time to interactive, for `cargo xtask bench`: navigation start → the identify field is on the screen
// (in the page and painted: the first contentful paint has happened) and can take focus, and the bot
// check holds its challenge, in headless Chromium on loopback. Each load is a fresh browser context
// (nothing cached). The reference is a static form page of the same content served by the same
// server, measured the same way in the same run: its form is on the screen once its stylesheet has
// arrived and the page is painted, which is its load time as a person sees it.
//
// Usage: node e2e/bench/time_to_interactive.mjs <base-url> <loads>
// Prints one JSON object: { app: [ms…], reference: [ms…], app_parsed: [ms…], reference_parsed: [ms…] }
// (`…_parsed`: when the field was in the page, painted or not, as the benchmark measured before).
import { chromium } from 'playwright-core';

const [base, loadsArg] = process.argv.slice(2);
const loads = Number(loadsArg ?? 15);

// Runs in the page before any of its own code: notes when the field appears (and can take focus)
// and when the challenge has arrived, on the page's own clock (ms since navigation start).
function watch() {
  const marks = { field: null, challenge: null, painted: null };
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
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') marks.painted = entry.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
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
      if (!marks || marks.field === null || marks.painted === null) return null;
      if (needsChallenge && marks.challenge === null) return null;
      const challenge = needsChallenge ? marks.challenge : 0;
      return { ready: Math.max(marks.field, marks.painted, challenge), parsed: Math.max(marks.field, challenge) };
    },
    needsChallenge,
    { timeout: 30_000 },
  );
  const times = await handle.jsonValue();
  await context.close();
  return times;
}

const result = { app: [], reference: [], app_parsed: [], reference_parsed: [] };
// One unmeasured load of each warms the server and the browser process, not the page caches.
await load('/recuperar', true);
await load('/bench-reference.html', false);
for (let i = 0; i < loads; i++) {
  // Interleaved, so a slow moment of the machine hits both alike.
  const app = await load('/recuperar', true);
  const reference = await load('/bench-reference.html', false);
  result.app.push(app.ready);
  result.reference.push(reference.ready);
  result.app_parsed.push(app.parsed);
  result.reference_parsed.push(reference.parsed);
}
await browser.close();
console.log(JSON.stringify(result));
