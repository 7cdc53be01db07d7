/**
 * Export/import. One export file is sealed in beforeAll; each real import costs one scrypt
 * derivation at the enforced floor, so refusals that need no derivation (size, shape, version,
 * KDF bounds) are tested separately from the few that do.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromBase64, randomBytes, toBase64 } from '@/lib/crypto/bytes';
import { openUnderstudyDb } from '@/lib/store/db';
import { createExport, type ExportErrorCode, importExport, MAX_IMPORT_CHARS } from '@/lib/store/export';
import { VaultSession } from '@/lib/store/session';

const SLOW = 60_000;
const EXPORT_PASSPHRASE = 'export passphrase for a friend';
const Task = z.strictObject({ title: z.string(), secret: z.string().optional() });
const Run = z.strictObject({ taskId: z.string(), ok: z.boolean() });
const schemas = { tasks: Task, runs: Run };

const source = openUnderstudyDb(`export-source-${crypto.randomUUID()}`);
const target = openUnderstudyDb(`export-target-${crypto.randomUUID()}`);
// Sessions built from random data keys: export files don't depend on the vault header.
const sourceSession = new VaultSession(source, randomBytes(32), 1, null);
const targetSession = new VaultSession(target, randomBytes(32), 1, null);
let fileText: string;
let taskIds: string[];

beforeAll(async () => {
  const put = await sourceSession.putMany([
    {
      table: 'tasks',
      schema: Task,
      items: [
        { value: { title: 'Book a table', secret: 'hunter2' } },
        { value: { title: 'Order tea' } },
        { value: { title: 'Not exported' } },
      ],
    },
  ]);
  if (!put.ok) throw new Error(put.error.message);
  taskIds = put.value.ids.slice(0, 2);
  await sourceSession.putMany([
    {
      table: 'runs',
      schema: Run,
      items: [{ value: { taskId: taskIds[0], ok: true } }, { value: { taskId: put.value.ids[2], ok: false } }],
    },
  ]);
  // 1 derivation.
  const exported = await createExport(sourceSession, {
    passphrase: EXPORT_PASSPHRASE,
    taskIds,
    taskSchema: Task,
    runs: { schema: Run, belongsTo: (run, ids) => ids.has((run as z.infer<typeof Run>).taskId) },
    redact: (table, value) => (table === 'tasks' ? { ...(value as z.infer<typeof Task>), secret: undefined } : value),
  });
  if (!exported.ok) throw new Error(exported.error.message);
  expect(exported.value.count).toBe(3);
  fileText = exported.value.text;
}, SLOW);

beforeEach(async () => {
  await target.tasks.clear();
  await target.runs.clear();
  await target.taskSummaries.clear();
});

afterAll(async () => {
  await source.delete();
  await target.delete();
});

function editFile(edit: (file: Record<string, unknown>) => void): string {
  const file = JSON.parse(fileText) as Record<string, unknown>;
  edit(file);
  return JSON.stringify(file);
}

async function expectRefused(text: string, code: ExportErrorCode, passphrase = EXPORT_PASSPHRASE) {
  const result = await importExport(targetSession, text, passphrase, { schemas });
  expect(!result.ok && result.error.code).toBe(code);
  expect(await target.tasks.count()).toBe(0);
  expect(await target.runs.count()).toBe(0);
}

describe('export file', () => {
  it('has the documented shape and no plaintext', () => {
    const file = JSON.parse(fileText);
    expect(Object.keys(file).sort()).toEqual(['ciphertext', 'format', 'kdf', 'nonce', 'version']);
    expect(file).toMatchObject({ format: 'understudy-export', version: 1, kdf: { N: 2 ** 17, r: 8, p: 1 } });
    expect(fileText).not.toContain('Book a table');
    expect(fileText).not.toContain('hunter2');
  });

  it(
    'round-trips selected tasks and their runs with fresh ids, redacted (1 derivation)',
    async () => {
      const imported = await importExport(targetSession, fileText, EXPORT_PASSPHRASE, { schemas });
      if (!imported.ok) throw new Error(imported.error.message);
      expect(imported.value.imported).toBe(3);
      const tasks = await targetSession.list('tasks', Task);
      expect(
        tasks.ok && tasks.value.items.map((item) => item.value).sort((a, b) => a.title.localeCompare(b.title)),
      ).toEqual([{ title: 'Book a table' }, { title: 'Order tea' }]);
      const runs = await targetSession.list('runs', Run);
      expect(runs.ok && runs.value.items.map((item) => item.value)).toEqual([{ taskId: taskIds[0], ok: true }]);
      for (const entry of imported.value.ids) expect(entry.id).not.toBe(entry.fileId);
    },
    SLOW,
  );

  it(
    'writes a summary for every imported task in the same transaction (1 derivation)',
    async () => {
      const Summary = z.strictObject({ title: z.string() });
      const summary = { schema: Summary, summarize: (task: z.infer<typeof Task>) => ({ title: task.title }) };
      const imported = await importExport(targetSession, fileText, EXPORT_PASSPHRASE, {
        schemas,
        summaries: { tasks: summary },
      });
      if (!imported.ok) throw new Error(imported.error.message);
      const taskIds = imported.value.ids.filter((entry) => entry.table === 'tasks').map((entry) => entry.id);
      expect((await target.taskSummaries.toCollection().primaryKeys()).sort()).toEqual([...taskIds].sort());
      const listed = await targetSession.listSummaries('tasks', Task, summary);
      expect(listed.ok && listed.value.items.map((item) => item.value.title).sort()).toEqual([
        'Book a table',
        'Order tea',
      ]);
    },
    SLOW,
  );

  it('refuses an oversized file before parsing it', async () => {
    await expectRefused(' '.repeat(MAX_IMPORT_CHARS + 1), 'too-large');
  });

  it('refuses truncated files and other JSON', async () => {
    await expectRefused(fileText.slice(0, Math.floor(fileText.length / 2)), 'not-an-export');
    await expectRefused(fileText.slice(0, -1), 'not-an-export');
    await expectRefused('{"format":"something-else"}', 'not-an-export');
    await expectRefused(
      editFile((file) => delete file.nonce),
      'not-an-export',
    );
  });

  it('refuses another format version', async () => {
    await expectRefused(
      editFile((file) => (file.version = 2)),
      'unsupported-version',
    );
  });

  it('refuses KDF params below the floor or above the ceiling without deriving', async () => {
    await expectRefused(
      editFile((file) => ((file.kdf as Record<string, number>).N = 2 ** 10)),
      'kdf-too-weak',
    );
    await expectRefused(
      editFile((file) => ((file.kdf as Record<string, number>).N = 2 ** 24)),
      'kdf-too-costly',
    );
    await expectRefused(
      editFile((file) => ((file.kdf as Record<string, number>).p = 64)),
      'kdf-too-costly',
    );
  });

  it(
    'refuses a tampered ciphertext (1 derivation)',
    async () => {
      const tampered = editFile((file) => {
        const bytes = fromBase64(file.ciphertext as string);
        if (!bytes) throw new Error('bad fixture');
        bytes[10] = (bytes[10] as number) ^ 0x01;
        file.ciphertext = toBase64(bytes);
      });
      await expectRefused(tampered, 'wrong-passphrase');
    },
    SLOW,
  );

  it(
    'refuses a wrong passphrase (1 derivation)',
    async () => {
      await expectRefused(fileText, 'wrong-passphrase', 'not the export passphrase');
    },
    SLOW,
  );

  it(
    "refuses the whole file when one record fails the caller's schema (1 derivation)",
    async () => {
      const strict = { tasks: Task, runs: z.strictObject({ taskId: z.string(), ok: z.literal(false) }) };
      const result = await importExport(targetSession, fileText, EXPORT_PASSPHRASE, { schemas: strict });
      expect(!result.ok && result.error.code).toBe('invalid-contents');
      expect(await target.tasks.count()).toBe(0);
    },
    SLOW,
  );
});
