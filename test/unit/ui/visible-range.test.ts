import { describe, expect, it } from 'vitest';
import { rowsToRender } from '@/lib/ui/visible-range';

const base = { rendered: 20, total: 1000, renderedBottom: 900, viewportBottom: 600, minRowHeight: 40, overscanPx: 200 };

describe('rowsToRender', () => {
  it('keeps the rows it has while they reach past the viewport and its overscan', () => {
    expect(rowsToRender(base)).toBe(20);
  });

  it('adds enough of the shortest rows to cover the gap below the rendered rows', () => {
    // 600 + 200 - 700 = 100 px uncovered: 3 rows of 40 px.
    expect(rowsToRender({ ...base, renderedBottom: 700 })).toBe(23);
  });

  it('covers a jump to the end of the list at once', () => {
    expect(rowsToRender({ ...base, renderedBottom: -40_000 })).toBe(1000);
  });

  it('never renders more rows than the list has, nor fewer than it has rendered', () => {
    expect(rowsToRender({ ...base, rendered: 5, total: 5, renderedBottom: 0 })).toBe(5);
    expect(rowsToRender({ ...base, rendered: 30, total: 10 })).toBe(10);
    expect(rowsToRender({ ...base, rendered: 0, total: 0, renderedBottom: 0 })).toBe(0);
  });

  it('fills an empty list from its top', () => {
    expect(rowsToRender({ ...base, rendered: 0, renderedBottom: 300 })).toBe(13);
  });

  it('treats a zero row height as one pixel rather than dividing by zero', () => {
    expect(rowsToRender({ ...base, renderedBottom: 790, minRowHeight: 0 })).toBe(30);
  });
});
