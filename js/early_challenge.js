// Runs before the app (deferred, it executes ahead of the app's module script): on the identify
// screen's address it asks for the bot check's challenge while the app itself still downloads, so
// the check is ready as soon as the screen appears. The app takes this answer once
// (`api::bot_check_challenge`); every later challenge it asks for itself.
if (location.pathname.replace(/\/+$/, '') === '/recuperar') {
  window.recuperaEarlyChallenge = fetch('/api/v1/bot-check/challenge', { credentials: 'same-origin' });
  // A failed early request is the app's to retry, not an unhandled rejection in the console.
  window.recuperaEarlyChallenge.catch(() => {});
}
