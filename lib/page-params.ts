/** Validates the query string of an extension page; unknown or malformed parameters are refused. */
import { z } from 'zod';

export function parsePageParams<S extends z.ZodType>(search: string, schema: S): z.infer<S> | null {
  const entries = Object.fromEntries(new URLSearchParams(search));
  const parsed = schema.safeParse(entries);
  return parsed.success ? parsed.data : null;
}

export const TabIdParam = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number);
