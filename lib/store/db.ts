/**
 * The only Dexie schema. Every record table holds `{id, createdAt, ciphertext}`: a random id, an
 * hour-rounded timestamp and an XChaCha20-Poly1305 envelope (lib/crypto/envelope.ts). Nothing but
 * the primary key is indexed (audit also indexes its `seq` ordering number), and no plaintext is
 * stored. The `vault` table holds one row, the header (see vault.ts), which contains no secret.
 *
 * Summaries: a task list must not decrypt every full task (10,000 bodies of ~2 KB took ~2 s in
 * Chromium, see bench/vault.ts), so each task also has a small encrypted summary row under the same
 * id in `taskSummaries` ({@link SUMMARY_TABLES}), sealed on its own and bound to (taskSummaries, id).
 * session.ts writes and deletes a record and its summary in one transaction.
 *
 * Schema changes: never edit a version. Add `db.version(n + 1).stores({...})` (with an `.upgrade()`
 * when rows must change) below the last one; Dexie runs the upgrades in order on older databases.
 */
import { Dexie, type DexieOptions, type Table } from 'dexie';

/** A row in any encrypted table. */
export interface EncryptedRow {
  id: string;
  /** Milliseconds since epoch, rounded down to the hour so rows don't leak precise activity times. */
  createdAt: number;
  ciphertext: Uint8Array;
}

/** Audit rows also carry their position in the log (ascending, assigned on write). */
export interface AuditRow extends EncryptedRow {
  seq: number;
}

/** A row that failed authentication or validation, kept (still encrypted) for inspection. */
export interface QuarantineRow {
  id: string;
  createdAt: number;
  /** The table and id the row was found under. */
  table: RecordTable;
  recordId: string;
  ciphertext: Uint8Array;
  reason: QuarantineReason;
}

export type QuarantineReason = 'failed-authentication' | 'invalid-contents';

/** The vault header row: JSON text validated on every read (vault.ts `vaultHeaderSchema`). */
export interface VaultHeaderRow {
  id: typeof VAULT_HEADER_ID;
  json: string;
}

export const VAULT_HEADER_ID = 'header';
export const DEFAULT_DB_NAME = 'understudy';
export const HOUR_MS = 3_600_000;

export const RECORD_TABLES = ['tasks', 'runs', 'approvals', 'audit', 'settings', 'taskSummaries', 'artifacts'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/** Record tables whose rows each have a summary row (same id) in another table. */
export const SUMMARY_TABLES = { tasks: 'taskSummaries' } as const satisfies Partial<Record<RecordTable, RecordTable>>;
export type SummarizedTable = keyof typeof SUMMARY_TABLES;
export type SummaryTable = (typeof SUMMARY_TABLES)[SummarizedTable];

export type UnderstudyDb = Dexie & {
  tasks: Table<EncryptedRow, string>;
  runs: Table<EncryptedRow, string>;
  approvals: Table<EncryptedRow, string>;
  audit: Table<AuditRow, string>;
  settings: Table<EncryptedRow, string>;
  taskSummaries: Table<EncryptedRow, string>;
  /** Failure artifacts of runs (lib/run/artifact.ts), id `${runId}.${stepIndex}`. */
  artifacts: Table<EncryptedRow, string>;
  quarantine: Table<QuarantineRow, string>;
  vault: Table<VaultHeaderRow, string>;
};

/** Opens (creating if needed) the database. Tests pass a fresh `name` per test file. */
export function openUnderstudyDb(name: string = DEFAULT_DB_NAME, options?: DexieOptions): UnderstudyDb {
  const db = new Dexie(name, options) as UnderstudyDb;
  db.version(1).stores({
    tasks: 'id',
    runs: 'id',
    approvals: 'id',
    audit: 'id, seq',
    settings: 'id',
    quarantine: 'id',
    vault: 'id',
  });
  // No upgrade function: summaries can only be sealed with the data key, which an upgrade never
  // has. VaultSession.listSummaries rebuilds (and stores) any missing summary from its task.
  db.version(2).stores({ taskSummaries: 'id' });
  // A new, empty table: nothing to upgrade.
  db.version(3).stores({ artifacts: 'id' });
  return db;
}

/** Coarse creation time: rounded down to the hour. */
export function coarseNow(now: number = Date.now()): number {
  return Math.floor(now / HOUR_MS) * HOUR_MS;
}

export function isRecordTable(value: unknown): value is RecordTable {
  return typeof value === 'string' && (RECORD_TABLES as readonly string[]).includes(value);
}

export function isSummarizedTable(table: RecordTable): table is SummarizedTable {
  return Object.hasOwn(SUMMARY_TABLES, table);
}

export function isSummaryTable(table: RecordTable): table is SummaryTable {
  return (Object.values(SUMMARY_TABLES) as string[]).includes(table);
}
