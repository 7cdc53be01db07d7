/**
 * Outlines the element a run is waiting to act on, so the person sees on the page what the
 * confirmation window describes. Drawn in a closed shadow root with `pointer-events: none`: the page
 * can neither restyle it nor receive clicks through it.
 */
let host: HTMLElement | null = null;
let frame = 0;

export function highlight(element: Element): void {
  clearHighlight();
  host = document.createElement('understudy-highlight');
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.style.cssText =
    'position:fixed;pointer-events:none;z-index:2147483647;border:3px solid #d97706;border-radius:4px;box-shadow:0 0 0 4px rgba(217,119,6,.25)';
  root.append(box);
  document.documentElement.append(host);
  const follow = () => {
    const rect = element.getBoundingClientRect();
    box.style.left = `${rect.left - 4}px`;
    box.style.top = `${rect.top - 4}px`;
    box.style.width = `${rect.width + 8}px`;
    box.style.height = `${rect.height + 8}px`;
    frame = requestAnimationFrame(follow);
  };
  follow();
}

export function clearHighlight(): void {
  cancelAnimationFrame(frame);
  host?.remove();
  host = null;
}
