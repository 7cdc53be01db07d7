/**
 * How many rows of a long list to render (issue 8: the popup with 1,000 tasks). The list renders
 * its first rows and grows as the person scrolls or tabs towards its end; it never shrinks, so a
 * row's state (an open run form) and the tab order stay as they were. Positions are the viewport's
 * pixels, as `getBoundingClientRect()` gives them.
 */

export interface GrowInput {
  /** Rows rendered now. */
  rendered: number;
  /** Rows in the list. */
  total: number;
  /** Bottom of the last rendered row; the list's top when none is rendered. */
  renderedBottom: number;
  /** Bottom of the viewport. */
  viewportBottom: number;
  /** The shortest a row can be, so the estimate never leaves a gap on screen. */
  minRowHeight: number;
  /** Rows are rendered this far below the viewport too, ready before they scroll in. */
  overscanPx: number;
}

/** The rows to render: enough to fill the viewport and its overscan, never fewer than now. */
export function rowsToRender({
  rendered,
  total,
  renderedBottom,
  viewportBottom,
  minRowHeight,
  overscanPx,
}: GrowInput): number {
  if (rendered >= total) return total;
  const gap = viewportBottom + overscanPx - renderedBottom;
  if (gap <= 0) return rendered;
  return Math.min(total, rendered + Math.ceil(gap / Math.max(1, minRowHeight)));
}
