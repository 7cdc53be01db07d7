/**
 * Realistic recorded tasks for bench/popup.ts: varied titles, 6–14 steps each with full target
 * descriptors (as the recorder writes them), a variable per typed field, one secret. They go through
 * `task:save`, so the background validates, encrypts and summarises them exactly as it does recordings.
 */
import type { TargetDescriptor } from '../../lib/locators/schema';
import type { Step, Task } from '../../lib/task/schema';

const VERBS = ['Reorder', 'Export', 'File', 'Renew', 'Update', 'Archive', 'Book', 'Check', 'Submit', 'Download'];
const THINGS = [
  'printer paper and toner',
  'the monthly sales report',
  'expense claim for travel',
  'library books',
  'shipping address for Dana Scully',
  'old support tickets',
  'a meeting room for Friday',
  'invoice status at the supplier',
  'timesheet for this week',
  'bank statements as PDF',
];
const SITES = ['shop', 'crm', 'intranet', 'billing', 'travel', 'helpdesk', 'library', 'bank'];

function target(role: string, name: string, tag: string, index: number): TargetDescriptor {
  return {
    version: 1,
    locators: [
      { kind: 'testId', attr: 'data-testid', value: `${name.toLowerCase().replaceAll(' ', '-')}-${index}` },
      { kind: 'role', role, name },
      { kind: 'css', selector: `main form > div:nth-of-type(${(index % 5) + 1}) ${tag}` },
    ],
    fingerprint: {
      tag,
      role,
      name,
      attrs: {},
      classes: ['field', 'form-control'],
      index: index % 5,
      count: 5,
      heading: 'Details',
      landmark: 'main',
      form: 'details-form',
    },
    shadowHosts: [],
  };
}

export function makeTask(index: number): Task {
  const origin = `https://${SITES[index % SITES.length]}${index % 7}.example`;
  const stepCount = 6 + (index % 9);
  const steps: Step[] = [
    {
      id: `s${index}-0`,
      kind: 'navigate',
      url: `${origin}/start?ref=${index}`,
      optional: false,
      alwaysAsk: false,
      frame: [],
      tab: 0,
    },
  ];
  for (let at = 1; at < stepCount - 1; at++) {
    const common = { id: `s${index}-${at}`, optional: false, alwaysAsk: false, frame: [], tab: 0 };
    steps.push(
      at % 3 === 1
        ? { ...common, kind: 'fill', target: target('textbox', `Field ${at}`, 'input', at), value: `{{field${at}}}` }
        : at % 3 === 2
          ? { ...common, kind: 'click', target: target('button', `Next ${at}`, 'button', at) }
          : { ...common, kind: 'check', target: target('checkbox', `Option ${at}`, 'input', at), checked: true },
    );
  }
  steps.push({
    id: `s${index}-${stepCount - 1}`,
    kind: 'submit',
    target: target('button', 'Save', 'button', stepCount),
    optional: false,
    alwaysAsk: false,
    frame: [],
    tab: 0,
  });
  const variables = steps
    .filter((step) => step.kind === 'fill')
    .map((step, at) => ({
      name: (step as { value: string }).value.slice(2, -2),
      secret: at === 0 && index % 4 === 0,
      defaultValue: at === 0 && index % 4 === 0 ? 'hunter2-secret' : `value ${index}`,
    }));
  return {
    version: 1,
    title: `${VERBS[index % VERBS.length]} ${THINGS[Math.floor(index / VERBS.length) % THINGS.length]} (${index + 1})`,
    origins: [origin],
    variables,
    steps,
  };
}
