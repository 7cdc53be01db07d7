/**
 * The unobtrusive "Recording" badge in the page's corner: inside a closed shadow root so page styles
 * neither hide nor restyle it, and `pointer-events: none` so it never takes a click from the page.
 */
let host: HTMLElement | null = null;

export function showRecordingIndicator(): void {
  if (host || window !== window.top) return;
  host = document.createElement('understudy-indicator');
  const root = host.attachShadow({ mode: 'closed' });
  const badge = document.createElement('div');
  badge.textContent = '● Recording';
  badge.setAttribute('role', 'status');
  badge.style.cssText = [
    'position:fixed',
    'right:12px',
    'bottom:12px',
    'z-index:2147483647',
    'pointer-events:none',
    'font:600 12px/1.2 system-ui,sans-serif',
    'color:#fff',
    'background:#b42318',
    'padding:4px 10px',
    'border-radius:999px',
    'box-shadow:0 1px 3px rgba(0,0,0,.3)',
    'opacity:.9',
  ].join(';');
  root.append(badge);
  document.documentElement.append(host);
}

export function hideRecordingIndicator(): void {
  host?.remove();
  host = null;
}
