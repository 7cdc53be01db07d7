/**
 * The benchmark task, once, for every tool: a navigation to the demo site's /bench/replay page, then rows of
 * five actions (type a name, press Enter to save it, pick a size, tick "Include", press "Star"). Each tool turns
 * these same logical steps into its own script (an Understudy task, Playwright calls, a Chrome Recorder flow),
 * and `expectedState` says what the page must show afterwards, so a tool that skipped work fails the run.
 */

export const ACTIONS_PER_ROW = 5;
export const MIN_STEPS = 2;
/** A fill per row is a task variable, and a task holds at most 200 (lib/task/schema.ts MAX_VARIABLES). */
export const MAX_STEPS = 1 + 200 * ACTIONS_PER_ROW;

const SIZES = [
  { value: 's', label: 'Small' },
  { value: 'm', label: 'Medium' },
  { value: 'l', label: 'Large' },
] as const;

/** One in-page action; `elementId` and `name` (accessible name) are what each tool locates it by. */
export type Action =
  | { kind: 'fill'; row: number; elementId: string; name: string; value: string }
  | { kind: 'press'; row: number; elementId: string; name: string; key: 'Enter' }
  | { kind: 'select'; row: number; elementId: string; name: string; value: string; label: string }
  | { kind: 'check'; row: number; elementId: string; name: string }
  | { kind: 'click'; row: number; elementId: string; name: string; role: 'button' };

export interface Plan {
  /** Logical steps, the navigation included. */
  steps: number;
  rows: number;
  url: string;
  actions: Action[];
}

export function pageUrl(origin: string, rows: number): string {
  return `${origin}/bench/replay?rows=${rows}`;
}

export function makePlan(origin: string, steps: number): Plan {
  if (!Number.isInteger(steps) || steps < MIN_STEPS || steps > MAX_STEPS) {
    throw new Error(`--steps must be a whole number from ${MIN_STEPS} to ${MAX_STEPS}`);
  }
  const count = steps - 1;
  const rows = Math.ceil(count / ACTIONS_PER_ROW);
  const actions: Action[] = [];
  for (let index = 0; index < count; index++) {
    const row = Math.floor(index / ACTIONS_PER_ROW) + 1;
    const size = SIZES[row % SIZES.length] as (typeof SIZES)[number];
    const name = { elementId: `item-${row}-name`, name: `Item ${row} name` };
    switch (index % ACTIONS_PER_ROW) {
      case 0:
        actions.push({ kind: 'fill', row, ...name, value: `Widget ${row}` });
        break;
      case 1:
        actions.push({ kind: 'press', row, ...name, key: 'Enter' });
        break;
      case 2:
        actions.push({ kind: 'select', row, elementId: `item-${row}-size`, name: `Item ${row} size`, ...size });
        break;
      case 3:
        actions.push({ kind: 'check', row, elementId: `item-${row}-include`, name: `Include item ${row}` });
        break;
      default:
        actions.push({ kind: 'click', row, elementId: `item-${row}-star`, name: `Star item ${row}`, role: 'button' });
    }
  }
  return { steps, rows, url: pageUrl(origin, rows), actions };
}

/** What one row of the page shows; read in the page by `readPageState` (page-entry.ts). */
export interface RowState {
  name: string;
  saved: string;
  size: string;
  include: boolean;
  star: boolean;
}

export function expectedState(plan: Plan): RowState[] {
  const rows: RowState[] = Array.from({ length: plan.rows }, () => ({
    name: '',
    saved: '',
    size: '',
    include: false,
    star: false,
  }));
  for (const action of plan.actions) {
    const row = rows[action.row - 1] as RowState;
    if (action.kind === 'fill') row.name = action.value;
    else if (action.kind === 'press') row.saved = row.name;
    else if (action.kind === 'select') row.size = action.value;
    else if (action.kind === 'check') row.include = true;
    else row.star = !row.star;
  }
  return rows;
}

/** Throws naming the first rows that differ: a tool that reports success without doing the work is a failure. */
export function assertState(tool: string, plan: Plan, actual: RowState[]): void {
  const expected = expectedState(plan);
  const wrong: string[] = [];
  for (const [index, want] of expected.entries()) {
    const got = actual[index];
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      wrong.push(`row ${index + 1}: expected ${JSON.stringify(want)}, page shows ${JSON.stringify(got)}`);
    }
  }
  if (wrong.length > 0) {
    throw new Error(
      `${tool} reported success but the page is wrong in ${wrong.length} of ${expected.length} rows:\n  ${wrong.slice(0, 5).join('\n  ')}`,
    );
  }
}
