/** The value every trust boundary returns: expected failures are values, never exceptions. */
export type Ok<T> = { ok: true; value: T };
export type Err<C extends string = string> = { ok: false; error: { code: C; message: string } };
export type Result<T, C extends string = string> = Ok<T> | Err<C>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<C extends string>(code: C, message: string): Err<C> {
  return { ok: false, error: { code, message } };
}
