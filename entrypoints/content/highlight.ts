/**
 * Outlines the element(s) a run is waiting on, so the person sees on the page what the confirmation
 * window or the "which one?" question describes. Drawn in a closed shadow root with
 * `pointer-events: none`: the page can neither restyle it nor receive clicks through it.
 */
let host: HTMLElement | null = null;
let frame = 0;

/** Outlines `elements`; with `numbered`, each box carries its 1-based number (as the side panel lists them). */
export function highlight(elements: Element | readonly Element[], numbered = false): void {
  clearHighlight();
  const targets = Array.isArray(elements) ? elements : [elements as Element];
  host = document.createElement('understudy-highlight');
  const root = host.attachShadow({ mode: 'closed' });
  const boxes = targets.map((_, index) => {
    const box = document.createElement('div');
    box.style.cssText =
      'position:fixed;pointer-events:none;z-index:2147483647;border:3px solid #d97706;border-radius:4px;box-shadow:0 0 0 4px rgba(217,119,6,.25)';
    if (numbered) {
      const badge = document.createElement('span');
      badge.textContent = String(index + 1);
      badge.style.cssText =
        'position:absolute;left:-3px;top:-22px;background:#d97706;color:#fff;font:bold 12px/18px system-ui,sans-serif;padding:0 6px;border-radius:3px';
      box.append(badge);
    }
    root.append(box);
    return box;
  });
  document.documentElement.append(host);
  const follow = () => {
    targets.forEach((element, index) => {
      const box = boxes[index] as HTMLDivElement;
      const rect = element.getBoundingClientRect();
      box.style.left = `${rect.left - 4}px`;
      box.style.top = `${rect.top - 4}px`;
      box.style.width = `${rect.width + 8}px`;
      box.style.height = `${rect.height + 8}px`;
    });
    frame = requestAnimationFrame(follow);
  };
  follow();
}

export function clearHighlight(): void {
  cancelAnimationFrame(frame);
  host?.remove();
  host = null;
}
