import { describe, expect, it } from 'vitest';
import { envNameFor, exportPlaywrightTest } from '@/lib/interop/playwright-export';
import type { Step, Task } from '@/lib/task/schema';

const base = { optional: false, alwaysAsk: false, frame: [], tab: 0 };
const target = (tag: string, locators: unknown[], shadowHosts: unknown[] = []) => ({
  version: 1 as const,
  locators,
  fingerprint: { tag, role: '', name: '', attrs: {}, classes: [], index: 0, count: 1 },
  shadowHosts,
});

const TASK: Task = {
  version: 1,
  title: 'Sign in "quickly"',
  origins: ['https://shop.example'],
  variables: [
    { name: 'emailAddress', secret: false, defaultValue: 'ada@example.test' },
    { name: 'password', secret: true, defaultValue: 'correct horse battery staple' },
  ],
  steps: [
    { ...base, id: '1', kind: 'navigate', url: 'https://shop.example/login' },
    {
      ...base,
      id: '2',
      kind: 'fill',
      value: 'to: {{emailAddress}}',
      target: target('input', [{ kind: 'label', text: 'Email' }]),
    },
    {
      ...base,
      id: '3',
      kind: 'fill',
      value: '{{password}}',
      target: target('input', [
        { kind: 'css', selector: '#password' },
        { kind: 'testId', attr: 'data-testid', value: 'pw' },
      ]),
    },
    {
      ...base,
      id: '4',
      kind: 'click',
      target: target('button', [
        { kind: 'css', selector: 'button"); process.exit(1); ("' },
        { kind: 'role', role: 'button', name: 'Sign in' },
      ]),
    },
    {
      ...base,
      id: '5',
      kind: 'click',
      target: target(
        'button',
        [{ kind: 'xpath', path: '//button' }],
        [{ locators: [{ kind: 'css', selector: 'quick-note' }], fingerprint: target('quick-note', []).fingerprint }],
      ),
    },
    { ...base, id: '6', kind: 'press', key: 'Enter', modifiers: [] },
    { ...base, id: '7', kind: 'check', checked: true, target: target('input', [{ kind: 'id', value: 'agree' }]) },
  ] as Step[],
};

describe('exportPlaywrightTest', () => {
  it('prefers getByTestId, getByRole and getByLabel, falling back to CSS and XPath', () => {
    const result = exportPlaywrightTest(TASK);
    if (!result.ok) throw new Error(result.error.message);
    const { text } = result.value;
    expect(text).toContain('await page.goto("https://shop.example/login");');
    expect(text).toContain('await page.getByLabel("Email", { exact: true }).fill("to: " + value("emailAddress"));');
    expect(text).toContain('await page.getByTestId("pw").fill(value("password"));');
    expect(text).toContain('await page.getByRole("button", { name: "Sign in", exact: true }).click();');
    expect(text).toContain('await page.locator("quick-note").locator("xpath=//button").click();');
    expect(text).toContain('await page.keyboard.press("Enter");');
    expect(text).toContain('await page.locator("[id=\\"agree\\"]").setChecked(true);');
    expect(text).toContain('test("Sign in \\"quickly\\"", async ({ page }) => {');
    expect(result.value.fileName).toBe('sign-in-quickly.spec.ts');
  });

  it('reads variables from the environment and never writes a secret value', () => {
    const result = exportPlaywrightTest(TASK);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.text).not.toContain('correct horse battery staple');
    expect(result.value.text).toContain('"password": { env: "UNDERSTUDY_PASSWORD", secret: true },');
    expect(result.value.text).toContain(
      '"emailAddress": { env: "UNDERSTUDY_EMAIL_ADDRESS", secret: false, fallback: "ada@example.test" },',
    );
    expect(result.value.env).toEqual([
      { name: 'UNDERSTUDY_EMAIL_ADDRESS', secret: false },
      { name: 'UNDERSTUDY_PASSWORD', secret: true },
    ]);
    expect(envNameFor('question12Answer')).toBe('UNDERSTUDY_QUESTION12_ANSWER');
  });

  it('writes page strings only as string literals', () => {
    const hostile: Task = {
      ...TASK,
      steps: [
        {
          ...base,
          id: 'h',
          kind: 'click',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a page string that tries to become code
          target: target('a', [{ kind: 'css', selector: '`); require("child_process"); //\n${process.exit()}' }]),
        },
      ] as Step[],
    };
    const result = exportPlaywrightTest(hostile);
    if (!result.ok) throw new Error(result.error.message);
    const line = result.value.text.split('\n').find((entry) => entry.includes('.click()')) ?? '';
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the same string, shown inert in the output
    expect(line).toBe('  await page.locator("`); require(\\"child_process\\"); //\\n${process.exit()}").click();');
  });

  it('refuses uploads and steps in opened tabs', () => {
    const upload = { ...TASK, steps: [{ ...base, id: 'u', kind: 'upload', target: target('input', []) } as Step] };
    expect(exportPlaywrightTest(upload)).toMatchObject({ ok: false, error: { code: 'not-exportable' } });
    const noLocator = { ...TASK, steps: [{ ...base, id: 'n', kind: 'click', target: target('div', []) } as Step] };
    expect(exportPlaywrightTest(noLocator)).toMatchObject({ ok: false, error: { code: 'not-exportable' } });
  });
});
