/**
 * The peer of bench:popup: the popup's unlocked view with the same task titles, as one static HTML
 * file with no script (nothing to fetch, decrypt or render), styled by the same built stylesheet and
 * opened from the same extension origin the same way. It is the floor any popup could reach.
 */
export const PEER_FILE = 'bench-popup-peer.html';

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** `styles`: the popup's own `<link rel="stylesheet">` and `<style>` tags, as built. */
export function peerHtml(
  styles: readonly string[],
  origin: string,
  tasks: readonly { title: string; stepCount: number }[],
) {
  const items = tasks
    .map(
      ({ title, stepCount }) =>
        `<li><span>${escapeHtml(title)} <span class="muted">· ${stepCount} steps</span></span>` +
        `<button type="button" aria-label="Run ${escapeHtml(title)}">Run</button>` +
        `<button type="button" aria-label="Run ${escapeHtml(title)} with a CSV file">Run with CSV…</button></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Understudy</title>
${styles.join('\n')}
</head>
<body>
<main style="width: 340px" class="stack">
<h1>Understudy</h1>
<section class="card stack" aria-labelledby="site-heading"><h2 id="site-heading">This site</h2>
<p>${escapeHtml(origin)}</p><p class="ok">Allowed. Understudy is ready on this page.</p></section>
<div class="stack"><button type="button" class="primary">Record a task</button></div>
<section aria-labelledby="tasks-heading" class="stack"><h2 id="tasks-heading">Tasks</h2>
<ul class="plain" data-testid="task-list">${items}</ul></section>
<button type="button">Lock now</button>
<p class="muted"><a href="/options.html" target="_blank" rel="noreferrer">Settings and allowed sites</a></p>
</main>
</body>
</html>
`;
}
