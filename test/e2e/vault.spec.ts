import type { Page } from '@playwright/test';
import { type ExtensionHandle, expect, sendFromExtensionPage, setUpVault, test } from './fixtures';

const PASSPHRASE = 'lantern orbit mossy kettle';
const DISTINCT = {
  title: 'Quarterly zebra-finch reconciliation',
  url: 'http://127.0.0.1:4173/ledger/zebra-finch-7731',
  typed: 'typed-value-ocelot-5519',
  secret: 'secret-value-narwhal-2284',
};

function distinctiveTask() {
  const target = {
    version: 1,
    locators: [{ kind: 'label', text: 'Ledger note' }],
    fingerprint: { tag: 'input', role: 'textbox', name: 'Ledger note', attrs: {}, classes: [], index: 0, count: 1 },
    shadowHosts: [],
  };
  return {
    version: 1,
    title: DISTINCT.title,
    origins: ['http://127.0.0.1:4173'],
    variables: [
      { name: 'note', secret: false, defaultValue: DISTINCT.typed },
      { name: 'pin', secret: true, defaultValue: DISTINCT.secret },
    ],
    steps: [
      { id: 's1', kind: 'navigate', url: DISTINCT.url },
      { id: 's2', kind: 'fill', target, value: '{{note}}' },
    ],
  };
}

/** Every byte the extension keeps at rest: IndexedDB (all databases, stores, rows) and chrome.storage. */
async function dumpStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const show = (value: unknown): string => {
      if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
        const bytes = value instanceof Uint8Array ? value : new Uint8Array(value);
        return new TextDecoder('latin1').decode(bytes);
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
    parts.push(show(await chrome.storage.local.get(null)));
    parts.push(show(await chrome.storage.session.get(null)));
    parts.push(show(await chrome.storage.sync.get(null)));
    return parts.join('\n');
  });
}

async function createVaultInPopup(extension: ExtensionHandle): Promise<Page> {
  const popup = await extension.openPage('popup.html');
  await popup.getByLabel('Passphrase', { exact: true }).fill('short');
  await expect(popup.locator('#strength-hint')).toHaveText(/at least 8 characters/);
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await expect(popup.locator('#strength-hint')).toHaveText('Strong.');
  await popup.getByLabel('Type it again').fill(`${PASSPHRASE}x`);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await expect(popup.getByRole('alert')).toHaveText(/different/);
  await popup.getByLabel('Type it again').fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await expect(popup.getByRole('button', { name: 'Lock now' })).toBeVisible({ timeout: 30_000 });
  return popup;
}

// Every create, unlock, passphrase change, export and import runs scrypt at N=2^17 in the worker.
test.describe.configure({ timeout: 180_000 });

async function setUpVaultWithTask(extension: ExtensionHandle): Promise<Page> {
  await setUpVault(extension, PASSPHRASE);
  const options = await extension.openPage('options.html');
  expect(await sendFromExtensionPage(options, { type: 'task:save', task: distinctiveTask() })).toMatchObject({
    ok: true,
  });
  await options.reload();
  return options;
}

test('task data is encrypted at rest, survives a worker restart and is unreadable while locked', async ({
  extension,
}) => {
  let popup = await createVaultInPopup(extension);
  const saved = (await sendFromExtensionPage(popup, { type: 'task:save', task: distinctiveTask() })) as {
    ok: boolean;
    value: { id: string };
  };
  expect(saved.ok).toBe(true);
  await popup.reload();
  await expect(popup.getByTestId('task-list')).toContainText(DISTINCT.title);

  const raw = await dumpStorage(popup);
  expect(raw).toContain('understudy/tasks:1:'); // the row is there…
  for (const needle of [...Object.values(DISTINCT), PASSPHRASE, 'zebra-finch', 'ledger']) {
    expect(raw, `"${needle}" must not be stored in plaintext`).not.toContain(needle); // …but not readable
  }

  // The popup shares the killed extension process, so it is reopened, as a user would.
  await extension.restartServiceWorker();
  popup = await extension.openPage('popup.html');
  const afterRestart = await sendFromExtensionPage(popup, { type: 'task:get', id: saved.value.id });
  expect(afterRestart).toMatchObject({ ok: true, value: { task: { title: DISTINCT.title } } });
  await expect(popup.getByTestId('task-list')).toContainText(DISTINCT.title);

  // A lock that lands while reads are on their way (the popup polls as the person presses "Lock
  // now"): those reads answer "locked", set no record aside, and none brings the session back.
  const answers = await popup.evaluate(async (id) => {
    const read = () => [
      chrome.runtime.sendMessage({ type: 'task:list' }),
      chrome.runtime.sendMessage({ type: 'task:get', id }),
    ];
    const before = Array.from({ length: 10 }, read).flat();
    const lock = chrome.runtime.sendMessage({ type: 'vault:lock' });
    const after = Array.from({ length: 10 }, read).flat();
    await lock;
    return Promise.all([...before, ...after]) as Promise<{ ok: boolean; error?: { code: string } }[]>;
  }, saved.value.id);
  for (const answer of answers) expect(answer.ok || answer.error?.code).not.toBe('quarantined');
  expect(answers.some((answer) => !answer.ok)).toBe(true);
  expect(await sendFromExtensionPage(popup, { type: 'vault:status' })).toMatchObject({
    ok: true,
    value: { state: 'locked', quarantined: 0 },
  });

  await popup.getByRole('button', { name: 'Lock now' }).click();
  await expect(popup.getByRole('heading', { name: 'Unlock Understudy' })).toBeVisible();
  expect(await sendFromExtensionPage(popup, { type: 'task:list' })).toMatchObject({
    ok: false,
    error: { code: 'locked' },
  });
  // Locked means no key anywhere, not even in session storage.
  expect(await popup.evaluate(() => chrome.storage.session.get(null))).toEqual({});

  await popup.getByLabel('Passphrase').fill('not the passphrase');
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('alert')).toHaveText(
    "That passphrase didn't unlock Understudy. Check it and try again.",
  );
  expect(await sendFromExtensionPage(popup, { type: 'task:list' })).toMatchObject({ ok: false });

  await popup.getByLabel('Passphrase').fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByTestId('task-list')).toContainText(DISTINCT.title, { timeout: 30_000 });
  await popup.close();
});

test('an encrypted export moves tasks without their secrets, and a bad file changes nothing', async ({ extension }) => {
  const options = await setUpVaultWithTask(extension);
  const list = (await sendFromExtensionPage(options, { type: 'task:list' })) as {
    value: { tasks: { id: string }[] };
  };
  const ids = list.value.tasks.map((task) => task.id);
  expect(ids.length).toBe(1);
  const exported = (await sendFromExtensionPage(options, {
    type: 'export:create',
    taskIds: ids,
    includeRuns: false,
    passphrase: 'export pass phrase',
  })) as { ok: boolean; value: { text: string; fileName: string } };
  expect(exported.ok).toBe(true);
  for (const needle of Object.values(DISTINCT)) expect(exported.value.text).not.toContain(needle);

  const importFile = async (name: string, text: string, passphrase: string) => {
    await options
      .getByLabel('Export file')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await options.getByLabel('Its export passphrase').fill(passphrase);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
  };
  const alert = options.locator('#backup-heading ~ [role="alert"]');

  const tampered = exported.value.text.replace(
    /"ciphertext":"(.)/,
    (_m, c: string) => `"ciphertext":"${c === 'A' ? 'B' : 'A'}`,
  );
  await importFile('tampered.json', tampered, 'export pass phrase');
  await expect(alert).not.toBeEmpty();
  await importFile('truncated.json', exported.value.text.slice(0, 200), 'export pass phrase');
  await expect(alert).not.toBeEmpty();
  await importFile('export.json', exported.value.text, 'wrong export passphrase');
  await expect(alert).toContainText(/passphrase/i);
  await importFile('not-json.json', '{"format":"understudy-export"', 'export pass phrase');
  await expect(alert).not.toBeEmpty();
  expect(await sendFromExtensionPage(options, { type: 'task:list' })).toMatchObject({
    value: { tasks: [{ title: DISTINCT.title }] },
  });

  await importFile('export.json', exported.value.text, 'export pass phrase');
  await expect(options.getByRole('status').filter({ hasText: 'Imported 1 task.' })).toBeVisible({ timeout: 30_000 });
  const after = (await sendFromExtensionPage(options, { type: 'task:list' })) as { value: { tasks: { id: string }[] } };
  expect(after.value.tasks.length).toBe(2);
  const imported = after.value.tasks.find((task) => !ids.includes(task.id));
  const importedTask = (await sendFromExtensionPage(options, { type: 'task:get', id: imported?.id })) as {
    value: { task: { variables: { name: string; defaultValue: string }[] } };
  };
  expect(importedTask.value.task.variables).toEqual([
    { name: 'note', secret: false, defaultValue: DISTINCT.typed },
    { name: 'pin', secret: true, defaultValue: '' },
  ]);
  await options.close();
});

test('changing the passphrase keeps the data; wiping needs the typed confirmation', async ({ extension }) => {
  const options = await setUpVaultWithTask(extension);
  const form = options.getByRole('form', { name: 'Change passphrase' });
  await form.getByLabel('Current passphrase').fill('wrong current passphrase');
  await form.getByLabel('New passphrase', { exact: true }).fill('copper meadow violin tundra');
  await form.getByLabel('New passphrase again').fill('copper meadow violin tundra');
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(form.getByRole('alert')).toHaveText(/didn't unlock/, { timeout: 30_000 });

  await form.getByLabel('Current passphrase').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(form.getByRole('status')).toHaveText(/Passphrase changed/, { timeout: 30_000 });

  await sendFromExtensionPage(options, { type: 'vault:lock' });
  expect(await sendFromExtensionPage(options, { type: 'vault:unlock', passphrase: PASSPHRASE })).toMatchObject({
    ok: false,
  });
  expect(
    await sendFromExtensionPage(options, { type: 'vault:unlock', passphrase: 'copper meadow violin tundra' }),
  ).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  expect(await sendFromExtensionPage(options, { type: 'task:list' })).toMatchObject({
    value: { tasks: [{ title: DISTINCT.title }] },
  });
  await options.reload();

  await options.getByLabel('Lock after this many idle minutes').fill('5');
  await options.getByRole('button', { name: 'Save auto-lock' }).click();
  await expect(options.getByText('Understudy locks after 5 idle minutes')).toBeVisible();

  const wipeButton = options.getByRole('button', { name: 'Delete everything' });
  await expect(wipeButton).toBeDisabled();
  expect(await sendFromExtensionPage(options, { type: 'vault:wipe', confirmation: 'yes' })).toMatchObject({
    ok: false,
    error: { code: 'confirmation-mismatch' },
  });
  await options.getByLabel('Confirmation').fill('delete everything');
  await wipeButton.click();
  await expect(options.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  const raw = await dumpStorage(options);
  expect(raw).toContain('understudy/tasks:0:');
  await options.close();
});
