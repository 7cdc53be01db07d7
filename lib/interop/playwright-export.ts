/**
 * A task as a Playwright test file (issue 9). Locators prefer what Playwright users write by hand (getByTestId,
 * getByRole, getByLabel, getByPlaceholder) and fall back to CSS or XPath. Every string from the task (recorded on an
 * untrusted page) enters the file through JSON.stringify, so it can only ever be a string literal.
 *
 * Variables come from the environment (`UNDERSTUDY_EMAIL`…): non-secret ones default to their recorded value,
 * secret ones have no default and the test stops with a message when they are missing. Secret values are never
 * written into the file.
 */
import type { ElementDescriptor, Locator, TargetDescriptor } from '@/lib/locators/schema';
import { err, ok, type Result } from '@/lib/result';
import type { Step, Task, Variable } from '@/lib/task/schema';
import { fileNameFor, type InteropErrorCode, MANUAL_STEP_MARKER } from './recorder-json';

const literal = (value: string | number | boolean) => JSON.stringify(value);

/** `emailAddress` → `UNDERSTUDY_EMAIL_ADDRESS`. */
export function envNameFor(variable: string): string {
  return `UNDERSTUDY_${variable
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase()}`;
}

/** Locator kinds in the order a person writing Playwright tests would pick them. */
const PREFERENCE: Locator['kind'][] = ['testId', 'role', 'label', 'placeholder', 'id', 'name', 'text', 'css', 'xpath'];

function locatorCall(locator: Locator): string {
  switch (locator.kind) {
    case 'testId':
      // getByTestId reads `data-testid` unless the config says otherwise; other attributes go through CSS.
      return locator.attr === 'data-testid'
        ? `getByTestId(${literal(locator.value)})`
        : `locator(${literal(`[${locator.attr}="${cssString(locator.value)}"]`)})`;
    case 'role':
      return `getByRole(${literal(locator.role)}, { name: ${literal(locator.name)}, exact: true })`;
    case 'label':
      return `getByLabel(${literal(locator.text)}, { exact: true })`;
    case 'placeholder':
      return `getByPlaceholder(${literal(locator.text)}, { exact: true })`;
    case 'id':
      return `locator(${literal(`[id="${cssString(locator.value)}"]`)})`;
    case 'name':
      return `locator(${literal(`${locator.tag}[name="${cssString(locator.value)}"]`)})`;
    case 'text':
      return `getByText(${literal(locator.text)}, { exact: true })`;
    case 'css':
      return `locator(${literal(locator.selector)})`;
    case 'xpath':
      return `locator(${literal(`xpath=${locator.path}`)})`;
  }
}

function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

function bestLocator(descriptor: ElementDescriptor): Locator | undefined {
  for (const kind of PREFERENCE) {
    // A role locator needs a role to call getByRole with.
    const found = descriptor.locators.find(
      (locator) => locator.kind === kind && (locator.kind !== 'role' || locator.role !== ''),
    );
    if (found) return found;
  }
  return undefined;
}

/** Playwright's CSS and role engines pierce open shadow roots; hosts still narrow the search. */
function targetExpression(root: string, target: TargetDescriptor): string | null {
  let expression = root;
  for (const host of target.shadowHosts) {
    const locator = bestLocator(host);
    if (!locator) return null;
    expression += `.${locatorCall(locator)}`;
  }
  const own = bestLocator(target);
  if (!own) return null;
  return `${expression}.${locatorCall(own)}`;
}

function frameRoot(step: Step): string | null {
  let root = 'page';
  for (const frame of step.frame) {
    const selector = frame.locators
      .map((locator) => {
        if (locator.kind === 'css') return locator.selector;
        if (locator.kind === 'id') return `[id="${cssString(locator.value)}"]`;
        if (locator.kind === 'testId') return `[${locator.attr}="${cssString(locator.value)}"]`;
        if (locator.kind === 'name') return `${locator.tag}[name="${cssString(locator.value)}"]`;
        return null;
      })
      .find((candidate) => candidate !== null);
    if (!selector) return null;
    root += `.frameLocator(${literal(selector)})`;
  }
  return root;
}

/** A JS expression for a template: literal parts and variables joined with +. */
function valueExpression(template: string, variables: readonly Variable[]): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g)) {
    if (match.index > last) parts.push(literal(template.slice(last, match.index)));
    const variable = variables.find((candidate) => candidate.name === match[1]);
    parts.push(variable ? `value(${literal(variable.name)})` : literal(''));
    last = match.index + match[0].length;
  }
  if (last < template.length || parts.length === 0) parts.push(literal(template.slice(last)));
  return parts.join(' + ');
}

export interface PlaywrightExport {
  text: string;
  fileName: string;
  /** Environment variables the test reads, secret ones marked. */
  env: { name: string; secret: boolean }[];
}

export function exportPlaywrightTest(task: Task): Result<PlaywrightExport, InteropErrorCode> {
  const lines: string[] = [];
  for (const [index, step] of task.steps.entries()) {
    const where = `Step ${index + 1}`;
    if (step.tab > 0) {
      return err('not-exportable', `${where} acts in a tab the page opened, which this export cannot address yet.`);
    }
    const root = frameRoot(step);
    if (root === null) return err('not-exportable', `${where} acts inside a frame this export cannot point at.`);
    const on = (target: TargetDescriptor): string | null => targetExpression(root, target);
    let line: string | null;
    switch (step.kind) {
      case 'navigate':
        line = `await page.goto(${literal(step.url)});`;
        break;
      case 'click':
        line = `await ${on(step.target)}.click();`;
        break;
      case 'doubleClick':
        line = `await ${on(step.target)}.dblclick();`;
        break;
      case 'hover':
        line = `await ${on(step.target)}.hover();`;
        break;
      case 'fill':
        line = `await ${on(step.target)}.fill(${valueExpression(step.value, task.variables)});`;
        break;
      case 'select':
        line = `await ${on(step.target)}.selectOption(${valueExpression(step.value, task.variables)});`;
        break;
      case 'check':
        line = `await ${on(step.target)}.setChecked(${literal(step.checked)});`;
        break;
      case 'press': {
        const keys = literal([...step.modifiers, step.key === ' ' ? 'Space' : step.key].join('+'));
        line = step.target ? `await ${on(step.target)}.press(${keys});` : `await page.keyboard.press(${keys});`;
        break;
      }
      case 'submit':
        line = `await ${on(step.target)}.evaluate((form) => (form as HTMLFormElement).requestSubmit());`;
        break;
      case 'scroll':
        line = step.target
          ? `await ${on(step.target)}.evaluate((element, [x, y]) => element.scrollTo(x, y), [${step.x}, ${step.y}]);`
          : `await page.evaluate(([x, y]) => window.scrollTo(x, y), [${step.x}, ${step.y}]);`;
        break;
      case 'waitForElement':
        line = `await expect(${on(step.target)}).toBeVisible();`;
        break;
      case 'waitForUrl':
        if (step.url.startsWith(MANUAL_STEP_MARKER)) {
          return err('not-exportable', `${where} came from another tool and cannot be exported; delete it first.`);
        }
        line = `await page.waitForURL((url) => url.href.includes(${literal(step.url)}));`;
        break;
      case 'upload':
        return err('not-exportable', `${where} uploads a file, which needs a file you pick; it cannot be exported.`);
    }
    if (line === null || line.includes('await null')) {
      return err('not-exportable', `${where} has no locator Playwright can use.`);
    }
    lines.push(line);
  }

  const env = task.variables.map((variable) => ({ name: envNameFor(variable.name), secret: variable.secret }));
  const defaults = task.variables.map(
    (variable) =>
      `  ${literal(variable.name)}: { env: ${literal(envNameFor(variable.name))}, secret: ${variable.secret}${
        variable.secret ? '' : `, fallback: ${literal(variable.defaultValue)}`
      } },`,
  );
  const text = [
    `// Exported from Understudy: ${task.title.replace(/[\r\n]+/g, ' ')}`,
    '// Values come from environment variables; secret ones have no default and are never written here.',
    "import { expect, test } from '@playwright/test';",
    '',
    'const variables: Record<string, { env: string; secret: boolean; fallback?: string }> = {',
    ...defaults,
    '};',
    '',
    'function value(name: string): string {',
    '  const variable = variables[name];',
    "  if (!variable) throw new Error('Unknown variable ' + name);",
    '  const given = process.env[variable.env];',
    '  if (given !== undefined) return given;',
    "  if (variable.secret || variable.fallback === undefined) throw new Error('Set ' + variable.env + ' to run this test.');",
    '  return variable.fallback;',
    '}',
    '',
    `test(${literal(task.title)}, async ({ page }) => {`,
    ...lines.map((line) => `  ${line}`),
    '});',
    '',
  ].join('\n');
  return ok({ text, fileName: fileNameFor(task.title, '.spec.ts'), env });
}
