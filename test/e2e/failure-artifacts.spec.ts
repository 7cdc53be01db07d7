/**
 * Issue 10, failure artifacts: a replayed step that fails leaves a screenshot and a DOM excerpt in
 * History, both with the typed secrets masked before capture (the live page keeps them), stored
 * encrypted, and made without a single network request.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  allowOrigin,
  type ExtensionHandle,
  expect,
  sendFromExtensionPage,
  setUpVault,
  tabIdOf,
  test,
} from './fixtures';
import { expectRunState, runFromPopup } from './helpers';

const PASSWORD = 'Zebra-Secret-9431';
/** Typed into an ordinary email field, from a variable marked secret. */
const ACCOUNT = 'otter-7716@example.test';
const MASK = '••••••';
const TITLE = 'Sign in and reset the password';

/** A Chrome Recorder file, imported as a person would: its last step clicks a button the page lacks. */
function recorderFile(origin: string): string {
  return JSON.stringify({
    title: TITLE,
    steps: [
      { type: 'navigate', url: `${origin}/login` },
      { type: 'change', selectors: [['aria/Email'], ['#email']], value: ACCOUNT },
      { type: 'change', selectors: [['aria/Password'], ['#password']], value: PASSWORD },
      {
        type: 'click',
        selectors: [['aria/Reset password'], ['#reset-password']],
        offsetX: 10,
        offsetY: 10,
        timeout: 1500,
      },
    ],
  });
}

/** Every byte the extension keeps in IndexedDB (as test/e2e/vault.spec.ts scans it). */
async function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const show = (value: unknown): string => {
      if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
        return new TextDecoder('latin1').decode(value instanceof Uint8Array ? value : new Uint8Array(value));
      }
      if (value && typeof value === 'object') {
        return Object.entries(value as Record<string, unknown>)
          .map(([key, inner]) => `${key}:${show(inner)}`)
          .join('|');
      }
      return String(value);
    };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(`${info.name}/${storeName}:${rows.length}:${rows.map(show).join('\n')}`);
      }
      db.close();
    }
    return parts.join('\n');
  });
}

/**
 * What the content script last rasterized (test builds keep the rendered SVG in the script's
 * isolated world, which the page cannot read): read through the DevTools protocol.
 */
async function lastRenderedSvg(extension: ExtensionHandle, page: Page): Promise<string | null> {
  const cdp = await extension.context.newCDPSession(page);
  const worlds: { id: number; name: string; auxData?: { isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  try {
    for (const world of worlds.filter((context) => context.name === 'Understudy' && !context.auxData?.isDefault)) {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: 'globalThis.__understudyLastArtifactSvg ?? null',
        contextId: world.id,
        returnByValue: true,
      });
      if (typeof result.value === 'string') return result.value;
    }
    return null;
  } finally {
    await cdp.detach();
  }
}

/** The `<input …>` tag with this id in serialized markup. */
function inputTag(markup: string, id: string): string {
  return markup.match(new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`))?.[0] ?? '';
}

test('a failed step keeps a masked screenshot and excerpt, encrypted, shown in History', async ({
  extension,
  demo,
}) => {
  test.setTimeout(90_000);
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);

  // What the sign-in page loads by itself: the capture must add nothing to it.
  const page = await extension.context.newPage();
  const pageRequests: string[] = [];
  page.on('request', (request) => pageRequests.push(request.url()));
  await page.goto(`${demo.url}/login`);
  const ownLoads = new Set(pageRequests);

  const panel = await extension.openPage(`sidepanel.html?tab=tasks&tabId=${await tabIdOf(extension, page)}`);
  await panel.getByLabel('Import Chrome Recorder JSON').setInputFiles({
    name: 'reset.json',
    mimeType: 'application/json',
    buffer: Buffer.from(recorderFile(demo.url)),
  });
  await expect(panel.getByTestId('import-result')).toContainText(`Imported “${TITLE}” (4 steps).`);
  // The account name is a secret too (as a person would mark it in the task editor).
  const list = (await sendFromExtensionPage(panel, { type: 'task:list' })) as {
    value: { tasks: { id: string; title: string }[] };
  };
  const taskId = list.value.tasks.find((task) => task.title === TITLE)?.id;
  const got = (await sendFromExtensionPage(panel, { type: 'task:get', id: taskId })) as {
    value: { task: { variables: { name: string; secret: boolean; defaultValue: string }[] } };
  };
  const { task } = got.value;
  expect(task.variables.map((variable) => [variable.defaultValue, variable.secret])).toEqual([
    [ACCOUNT, false],
    [PASSWORD, true],
  ]);
  task.variables = task.variables.map((variable) => ({ ...variable, secret: true }));
  expect(await sendFromExtensionPage(panel, { type: 'task:save', id: taskId, task })).toMatchObject({ ok: true });

  pageRequests.length = 0;
  const popup = await runFromPopup(extension, page, TITLE);
  await expectRunState(popup, 'failed');
  await expect(popup.getByTestId('run-progress')).toContainText('Step 4');

  // History: the failed step shows its screenshot and, folded, the page code around it.
  await panel.goto(`${extension.origin}/sidepanel.html?tab=history`);
  await panel.getByRole('button', { name: `Details of ${TITLE} run` }).click();
  const artifact = panel.getByTestId('failure-artifact');
  await expect(artifact).toBeVisible({ timeout: 20_000 });
  const shot = artifact.getByRole('img', {
    name: 'The page when step 4 failed. Passwords and secret values are hidden.',
  });
  await expect(shot).toBeVisible();
  await expect(shot).toHaveAttribute('src', /^data:image\/(png|jpeg);base64,/);
  // The viewport it was taken of (1200×800), and not one blank colour.
  const drawn = await shot.evaluate(async (image: HTMLImageElement) => {
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set<number>();
    for (let index = 0; index < data.length && colours.size < 50; index += 4 * 97) {
      colours.add((data[index] ?? 0) * 65536 + (data[index + 1] ?? 0) * 256 + (data[index + 2] ?? 0));
    }
    return { width: image.naturalWidth, height: image.naturalHeight, colours: colours.size };
  });
  expect(drawn).toMatchObject({ width: 1200, height: 800 });
  expect(drawn.colours).toBeGreaterThan(2);

  const excerpt = artifact.locator('pre');
  await expect(excerpt).toBeHidden();
  await artifact.getByText('Page code where step 4 looked for its target').click();
  await expect(excerpt).toBeVisible();
  const code = (await excerpt.textContent()) ?? '';
  expect(code).toContain('<form method="post" action="/login"');
  expect(inputTag(code, 'password')).toContain(`value="${MASK}"`);
  expect(inputTag(code, 'email')).toContain(`value="${MASK}"`);
  for (const secret of [PASSWORD, ACCOUNT]) expect(code).not.toContain(secret);
  const { violations } = await new AxeBuilder({ page: panel }).analyze();
  const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking.map((violation) => violation.id)).toEqual([]);

  // What was rasterized: both fields show the mask, no secret anywhere in it...
  const svg = await lastRenderedSvg(extension, page);
  expect(svg).not.toBeNull();
  expect(inputTag(svg ?? '', 'password')).toContain(`value="${MASK}"`);
  expect(inputTag(svg ?? '', 'email')).toContain(`value="${MASK}"`);
  for (const secret of [PASSWORD, ACCOUNT]) expect(svg).not.toContain(secret);
  // ...while the page itself was never touched.
  await expect(page.locator('#password')).toHaveValue(PASSWORD);
  await expect(page.locator('#email')).toHaveValue(ACCOUNT);
  // The run loaded the sign-in page again; rendering it fetched nothing more.
  expect(pageRequests.filter((url) => !ownLoads.has(url))).toEqual([]);

  // At rest: one artifact row, sealed: no secret, no image, no page code in plaintext.
  const raw = await dumpIndexedDb(panel);
  expect(raw).toContain('understudy/artifacts:1:');
  for (const plain of [PASSWORD, ACCOUNT, 'data:image', 'iVBORw0KGgo', 'Sign in to Acme CRM']) {
    expect(raw, `"${plain}" must not be stored in plaintext`).not.toContain(plain);
  }

  // "Delete everything" takes the artifacts with the runs.
  expect(await sendFromExtensionPage(panel, { type: 'vault:wipe', confirmation: 'delete everything' })).toMatchObject({
    ok: true,
  });
  expect(await dumpIndexedDb(panel)).toContain('understudy/artifacts:0:');
});
