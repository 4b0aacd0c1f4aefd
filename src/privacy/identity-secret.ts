/**
 * The secret identity keys are made with: BLOEI_ID_SECRET when it is set (production, and
 * every process of one installation must share it), otherwise one generated on the first
 * start into the data directory (`id-secret`, readable by its owner only) and read back on
 * every start after, so the embedded default needs no setting and keeps its conversations.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The file, in the data directory, that holds a generated secret. */
export const secretFileName = 'id-secret';

export async function identitySecret(config: {
  idSecret?: string | undefined;
  dataDir: string;
}): Promise<string> {
  if (config.idSecret) return config.idSecret;
  const file = path.join(config.dataDir, secretFileName);
  const existing = await readSecret(file);
  if (existing) return existing;
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const generated = randomBytes(32).toString('base64url');
  try {
    await writeFile(file, `${generated}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process of this data directory wrote one first: use that one.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readSecret(file))!;
    throw error;
  }
  await chmod(file, 0o600);
  return generated;
}

async function readSecret(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
