/**
 * How environment variables are read, shared by `config.ts` and the channels' own variables
 * (`bots/<channel>/<channel>-settings.ts`).
 */
import { z } from 'zod';

/** An empty value (`LOG_LEVEL=` in a copied .env.example) means "not set", not a wrong value. */
export const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

/** A URL, or nothing when unset or empty. */
export const optionalUrl = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .pipe(z.url().optional())
  .optional();

/** true / 1 / yes, or false / 0 / no / empty (the default). */
export const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((v) => ['true', '1', 'yes'].includes(v));
