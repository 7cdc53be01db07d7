/**
 * Reads a CSV file of variable values for a data-driven run: one run per row, columns named after
 * the task's variables. RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; CRLF or
 * LF; a UTF-8 byte-order mark is ignored. Strict about what can't be right (an unknown column, a row
 * with more fields than the header, too many rows), because a silently shifted column would type the
 * wrong value into the wrong field on every row.
 */
import { err, ok, type Result } from '../result';

export const MAX_CSV_BYTES = 1_000_000;
export const MAX_CSV_ROWS = 1000;
export const MAX_CSV_VALUE_LENGTH = 10_000;

export type CsvRows = Record<string, string>[];

export type CsvErrorCode =
  | 'too-large'
  | 'empty'
  | 'malformed'
  | 'unknown-column'
  | 'duplicate-column'
  | 'too-many-rows';

/** Splits CSV text into records of fields. Returns null when a quoted field never closes. */
function splitRecords(text: string): string[][] | null {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
      } else {
        field += char;
      }
      index += 1;
      continue;
    }
    if (char === '"' && field.length === 0) {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (char === '\r' && text[index + 1] === '\n') index += 1;
    } else {
      field += char;
    }
    index += 1;
  }
  if (quoted) return null;
  if (field.length > 0 || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  // Blank lines (a lone empty field) carry no row.
  return records.filter((fields) => !(fields.length === 1 && fields[0] === ''));
}

/**
 * Parses `text` into one values object per row, keyed by the header's variable names. Columns must
 * be among `variableNames`; a variable without a column keeps its default (the caller fills it), and
 * an empty cell means "use the default" too.
 */
export function parseRowsCsv(text: string, variableNames: readonly string[]): Result<CsvRows, CsvErrorCode> {
  if (text.length > MAX_CSV_BYTES) {
    return err('too-large', `The file is larger than ${MAX_CSV_BYTES / 1_000_000} MB. Split it into smaller files.`);
  }
  const records = splitRecords(text.replace(/^\uFEFF/, ''));
  if (records === null) return err('malformed', 'A quoted value never ends (a " is missing). Nothing was run.');
  const [header, ...rows] = records;
  if (!header || rows.length === 0) {
    return err('empty', 'The file needs a header row of variable names and at least one row of values.');
  }
  const columns = header.map((name) => name.trim());
  const known = new Set(variableNames);
  const unknown = columns.find((name) => !known.has(name));
  if (unknown !== undefined) {
    const list = variableNames.length > 0 ? variableNames.join(', ') : 'none';
    return err('unknown-column', `Column “${unknown.slice(0, 64)}” is not a variable of this task (it has: ${list}).`);
  }
  const duplicate = columns.find((name, index) => columns.indexOf(name) !== index);
  if (duplicate !== undefined) return err('duplicate-column', `Column “${duplicate}” appears twice.`);
  if (rows.length > MAX_CSV_ROWS) {
    return err('too-many-rows', `The file has ${rows.length} rows; one batch runs at most ${MAX_CSV_ROWS}.`);
  }
  const parsed: CsvRows = [];
  for (const [index, fields] of rows.entries()) {
    if (fields.length > columns.length) {
      return err('malformed', `Row ${index + 1} has ${fields.length} values but the header names ${columns.length}.`);
    }
    const values: Record<string, string> = {};
    for (const [column, name] of columns.entries()) {
      const value = fields[column] ?? '';
      if (value.length > MAX_CSV_VALUE_LENGTH) {
        return err(
          'malformed',
          `Row ${index + 1}, column “${name}” is longer than ${MAX_CSV_VALUE_LENGTH} characters.`,
        );
      }
      if (value !== '') values[name] = value;
    }
    parsed.push(values);
  }
  return ok(parsed);
}
