/**
 * Encrypted export/import of selected tasks (and optionally their runs) under a separate export
 * passphrase, so a file can be moved to another machine without sharing the vault passphrase.
 *
 * File (JSON text): { format: 'understudy-export', version: 1, kdf: {N, r, p, salt}, nonce, ciphertext }
 * with salt/nonce/ciphertext in base64. ciphertext = XChaCha20-Poly1305(scrypt(passphrase, salt),
 * nonce, aad, bundle) where aad binds format, version and every KDF field, and bundle is JSON
 * { format: 'understudy-export-bundle', version: 1, records: [{table, id, createdAt, value}] }.
 *
 * Import order (nothing is written until every step passed): size cap before parsing → JSON →
 * file shape (zod) → version → KDF floor AND ceiling → scrypt → authenticate → bundle shape →
 * every record against the caller's schema → one transaction for all records.
 *
 * Secrets: values are exported as the caller's schema produces them. Pass `redact` to strip
 * secrets (e.g. typed passwords) before they are sealed; its output must still pass the schema.
 */
import { z } from 'zod';
import { encodeFields, fromBase64, randomBytes, toBase64, utf8Decode, utf8Encode, zeroize } from '../crypto/bytes';
import { aeadDecrypt, aeadEncrypt, NONCE_LENGTH } from '../crypto/envelope';
import {
  DEFAULT_KDF_PARAMS,
  type DeriveKeyOptions,
  derivePassphraseKey,
  type KdfParams,
  SALT_LENGTH,
  validateKdfParams,
} from '../crypto/kdf';
import { err, ok, type Result } from '../result';
import type { SessionErrorCode, SummaryOptions, VaultSession } from './session';
import { MAX_ID_LENGTH } from './session';
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from './vault';

export const EXPORT_FORMAT = 'understudy-export';
export const EXPORT_VERSION = 1;
const BUNDLE_FORMAT = 'understudy-export-bundle';
const EXPORT_AAD_DOMAIN = 'understudy/export';
/** Files above this many characters are refused before JSON.parse (25 MiB of text). */
export const MAX_IMPORT_CHARS = 25 * 1024 * 1024;
/** Upper bound on records in one file, against a bundle built to exhaust memory. */
export const MAX_EXPORT_RECORDS = 100_000;
export const EXPORT_TABLES = ['tasks', 'runs'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export type ExportErrorCode =
  | SessionErrorCode
  | 'weak-passphrase'
  | 'invalid-params'
  | 'nothing-to-export'
  | 'too-large'
  | 'not-an-export'
  | 'unsupported-version'
  | 'kdf-too-weak'
  | 'kdf-too-costly'
  | 'wrong-passphrase'
  | 'invalid-contents';

export interface ExportRecord {
  table: ExportTable;
  id: string;
  createdAt: number;
  value: unknown;
}

const fileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  kdf: z.strictObject({ N: z.number(), r: z.number(), p: z.number(), salt: z.string().max(128) }),
  nonce: z.string().max(128),
  ciphertext: z.string(),
});

const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(EXPORT_VERSION),
  records: z
    .array(
      z.strictObject({
        table: z.enum(EXPORT_TABLES),
        id: z.string().min(1).max(MAX_ID_LENGTH),
        createdAt: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
        value: z.unknown(),
      }),
    )
    .max(MAX_EXPORT_RECORDS),
});

const NOT_AN_EXPORT_MESSAGE =
  "This file isn't a complete Understudy export; it may be truncated or a different kind of file.";

function exportAad(version: number, kdf: KdfParams & { salt: Uint8Array }): Uint8Array {
  return encodeFields([EXPORT_AAD_DOMAIN, EXPORT_FORMAT, version, kdf.N, kdf.r, kdf.p, kdf.salt]);
}

export interface SealExportOptions extends DeriveKeyOptions {
  params?: KdfParams;
}

/** Encrypts records into export-file text. Pure: reads nothing from the vault. */
export async function sealExportFile(
  records: readonly ExportRecord[],
  passphrase: string,
  options: SealExportOptions = {},
): Promise<Result<string, ExportErrorCode>> {
  const length = typeof passphrase === 'string' ? [...passphrase].length : 0;
  if (length < MIN_PASSPHRASE_LENGTH || length > MAX_PASSPHRASE_LENGTH) {
    return err(
      'weak-passphrase',
      `Choose an export passphrase of ${MIN_PASSPHRASE_LENGTH} to ${MAX_PASSPHRASE_LENGTH} characters, different from your Understudy passphrase.`,
    );
  }
  if (records.length === 0) return err('nothing-to-export', 'Select at least one task to export.');
  const params = validateKdfParams(options.params ?? DEFAULT_KDF_PARAMS);
  if (!params.ok) return err('invalid-params', 'These key settings are outside what Understudy allows.');
  const bundle = bundleSchema.safeParse({ format: BUNDLE_FORMAT, version: EXPORT_VERSION, records });
  if (!bundle.success) return err('invalid-contents', 'Some selected items could not be exported.');
  const plaintext = utf8Encode(JSON.stringify(bundle.data));
  if (plaintext.length > MAX_IMPORT_CHARS / 2) {
    zeroize(plaintext);
    return err('too-large', 'The selection is too large for one export file. Export fewer tasks at a time.');
  }
  const kdf = { ...params.value, salt: randomBytes(SALT_LENGTH) };
  const key = await derivePassphraseKey(passphrase, kdf.salt, kdf, options.onProgress ? options : {});
  const nonce = randomBytes(NONCE_LENGTH);
  const ciphertext = aeadEncrypt(key, nonce, exportAad(EXPORT_VERSION, kdf), plaintext);
  zeroize(key, plaintext);
  return ok(
    JSON.stringify({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      kdf: { N: kdf.N, r: kdf.r, p: kdf.p, salt: toBase64(kdf.salt) },
      nonce: toBase64(nonce),
      ciphertext: toBase64(ciphertext),
    }),
  );
}

/** Schemas the importer validates every record with; a table without a schema is refused. */
export type ImportSchemas = { tasks: z.ZodType } & { runs?: z.ZodType };

/** Checks, decrypts and validates export-file text. Pure: writes nothing. */
export async function openExportFile(
  text: string,
  passphrase: string,
  schemas: ImportSchemas,
  options: DeriveKeyOptions = {},
): Promise<Result<ExportRecord[], ExportErrorCode>> {
  if (typeof text !== 'string') return err('not-an-export', NOT_AN_EXPORT_MESSAGE);
  if (text.length > MAX_IMPORT_CHARS) {
    return err('too-large', 'This file is larger than any Understudy export (25 MB). Choose the right file.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('not-an-export', NOT_AN_EXPORT_MESSAGE);
  }
  const versionProbe = z.looseObject({ format: z.literal(EXPORT_FORMAT), version: z.number() }).safeParse(raw);
  if (versionProbe.success && versionProbe.data.version !== EXPORT_VERSION) {
    return err(
      'unsupported-version',
      'This export was made by a different version of Understudy. Update Understudy, then try again.',
    );
  }
  const file = fileSchema.safeParse(raw);
  if (!file.success) return err('not-an-export', NOT_AN_EXPORT_MESSAGE);
  const params = validateKdfParams({ N: file.data.kdf.N, r: file.data.kdf.r, p: file.data.kdf.p });
  if (!params.ok) {
    if (params.error.code === 'kdf-invalid') return err('not-an-export', NOT_AN_EXPORT_MESSAGE);
    return err(
      params.error.code,
      params.error.code === 'kdf-too-weak'
        ? "This file's key settings are weaker than Understudy allows; it may have been tampered with. Don't import it."
        : "This file's key settings would take more memory or time than Understudy allows; it may have been tampered with. Don't import it.",
    );
  }
  const salt = fromBase64(file.data.kdf.salt);
  const nonce = fromBase64(file.data.nonce);
  const ciphertext = fromBase64(file.data.ciphertext);
  if (salt?.length !== SALT_LENGTH || nonce?.length !== NONCE_LENGTH || !ciphertext) {
    return err('not-an-export', NOT_AN_EXPORT_MESSAGE);
  }
  if (typeof passphrase !== 'string' || passphrase.length === 0 || [...passphrase].length > MAX_PASSPHRASE_LENGTH) {
    return err('wrong-passphrase', WRONG_EXPORT_PASSPHRASE_MESSAGE);
  }
  const kdf = { ...params.value, salt };
  const key = await derivePassphraseKey(passphrase, salt, kdf, options.onProgress ? options : {});
  const plaintext = aeadDecrypt(key, nonce, exportAad(file.data.version, kdf), ciphertext);
  zeroize(key);
  if (!plaintext) return err('wrong-passphrase', WRONG_EXPORT_PASSPHRASE_MESSAGE);
  const json = utf8Decode(plaintext);
  zeroize(plaintext);
  let bundleRaw: unknown;
  try {
    bundleRaw = json === undefined ? undefined : JSON.parse(json);
  } catch {
    bundleRaw = undefined;
  }
  const bundle = bundleSchema.safeParse(bundleRaw);
  if (!bundle.success) return err('invalid-contents', INVALID_CONTENTS_MESSAGE);
  const records: ExportRecord[] = [];
  for (const record of bundle.data.records) {
    const schema = schemas[record.table];
    const value = schema?.safeParse(record.value);
    if (!value?.success) return err('invalid-contents', INVALID_CONTENTS_MESSAGE);
    records.push({ table: record.table, id: record.id, createdAt: record.createdAt, value: value.data });
  }
  return ok(records);
}

const WRONG_EXPORT_PASSPHRASE_MESSAGE =
  "That passphrase doesn't open this file, or the file was changed after it was exported. Check the export passphrase.";
const INVALID_CONTENTS_MESSAGE =
  "This export contains items this version of Understudy can't read. Nothing was imported.";

export interface CreateExportOptions extends SealExportOptions {
  /** The export passphrase (not the vault passphrase). */
  passphrase: string;
  taskIds: readonly string[];
  taskSchema: z.ZodType;
  /** Include runs: every run whose decoded value `belongsTo` returns true for is exported. */
  runs?: { schema: z.ZodType; belongsTo: (run: unknown, taskIds: ReadonlySet<string>) => boolean };
  /** Strips secrets before sealing; its result must still pass the table's schema. */
  redact?: (table: ExportTable, value: unknown) => unknown;
}

/** Reads the selected tasks (and runs) from the vault and returns export-file text. */
export async function createExport(
  session: VaultSession,
  options: CreateExportOptions,
): Promise<Result<{ text: string; count: number }, ExportErrorCode>> {
  const records: ExportRecord[] = [];
  const redact = (table: ExportTable, schema: z.ZodType, value: unknown): Result<unknown, ExportErrorCode> => {
    const redacted = options.redact ? options.redact(table, value) : value;
    const checked = schema.safeParse(redacted);
    return checked.success
      ? ok(checked.data)
      : err('invalid-contents', 'A redacted item no longer matches its format; nothing was exported.');
  };
  for (const id of new Set(options.taskIds)) {
    const task = await session.getItem('tasks', id, options.taskSchema);
    if (!task.ok) return task;
    const value = redact('tasks', options.taskSchema, task.value.value);
    if (!value.ok) return value;
    records.push({ table: 'tasks', id, createdAt: task.value.createdAt, value: value.value });
  }
  if (options.runs) {
    const runs = await session.list('runs', options.runs.schema);
    if (!runs.ok) return runs;
    const selected = new Set(options.taskIds);
    for (const run of runs.value.items) {
      if (!options.runs.belongsTo(run.value, selected)) continue;
      const value = redact('runs', options.runs.schema, run.value);
      if (!value.ok) return value;
      records.push({ table: 'runs', id: run.id, createdAt: run.createdAt, value: value.value });
    }
  }
  const text = await sealExportFile(records, options.passphrase, options);
  return text.ok ? ok({ text: text.value, count: records.length }) : text;
}

export interface ImportOptions extends DeriveKeyOptions {
  schemas: ImportSchemas;
  /** 'fresh' (default): new random ids; 'keep': the file's ids, overwriting rows with the same id. */
  ids?: 'fresh' | 'keep';
  /** Summaries written with the imported tasks, in the same transaction (session.ts). */
  summaries?: { tasks?: SummaryOptions<never, unknown> };
}

export interface ImportedIds {
  table: ExportTable;
  fileId: string;
  id: string;
}

/**
 * Validates the whole file, then writes every record in one transaction. On any failure nothing is
 * written. With fresh ids, references between values (e.g. a run's task id) are NOT rewritten;
 * use the returned mapping, or `ids: 'keep'`.
 */
export async function importExport(
  session: VaultSession,
  text: string,
  passphrase: string,
  options: ImportOptions,
): Promise<Result<{ imported: number; ids: ImportedIds[] }, ExportErrorCode>> {
  if (session.isLocked) return err('locked', 'Understudy is locked. Unlock it with your passphrase and try again.');
  const opened = await openExportFile(text, passphrase, options.schemas, options);
  if (!opened.ok) return opened;
  const keep = options.ids === 'keep';
  const batches = EXPORT_TABLES.map((table) => {
    const records = opened.value.filter((record) => record.table === table);
    const summary = table === 'tasks' ? options.summaries?.tasks : undefined;
    return {
      table,
      schema: options.schemas[table] ?? z.never(),
      ...(summary ? { summary } : {}),
      records,
      items: records.map((record) => ({
        ...(keep ? { id: record.id } : {}),
        value: record.value,
        createdAt: record.createdAt,
      })),
    };
  }).filter((batch) => batch.items.length > 0);
  const written = await session.putMany(batches);
  if (!written.ok) return written;
  const fileIds = batches.flatMap((batch) =>
    batch.records.map((record) => ({ table: batch.table, fileId: record.id })),
  );
  const ids = fileIds.map((entry, index) => ({ ...entry, id: written.value.ids[index] as string }));
  return ok({ imported: ids.length, ids });
}
