/**
 * The only reader of `process.env`. Every setting has a safe default for trying Bloei out;
 * a bad value stops start-up with one clear line naming the variable.
 */
import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .pipe(z.url().optional())
  .optional();

const schema = z.object({
  DATABASE_URL: optionalUrl,
  REDIS_URL: optionalUrl,
  BLOEI_DATA_DIR: z.string().default('./.data'),
  BLOEI_DEFAULT_LANGUAGE: z.string().default('nl'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  dataDir: string;
  defaultLanguage: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: e.BLOEI_DATA_DIR,
    defaultLanguage: e.BLOEI_DEFAULT_LANGUAGE,
    logLevel: e.LOG_LEVEL,
  };
}
