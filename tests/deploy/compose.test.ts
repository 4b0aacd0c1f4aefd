import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const repo = join(import.meta.dirname, '../..');
const composeFile = join(repo, 'docker-compose.yml');
/** What docker-compose.yml requires, as dummy values. */
const required = {
  POSTGRES_PASSWORD: 'dummy-password-for-validation',
  BLOEI_ID_SECRET: 'dummy-identity-secret-for-validation-only',
};

/**
 * `docker-compose <args>` on docker-compose.yml (no Docker engine needed), in an environment
 * holding only `env`: neither the caller's shell nor a local `.env` can fill in a value.
 */
function compose(args: string[], env: Record<string, string>, envFile = emptyEnvFile) {
  const result = spawnSync(
    'docker-compose',
    ['--file', composeFile, '--project-directory', repo, '--env-file', envFile, ...args],
    {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
    },
  );
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(
      'docker-compose is not installed: `apt-get install -y docker-compose` (.ci/run does this)',
    );
  }
  if (result.error) throw result.error;
  return result;
}

let workDir: string;
let emptyEnvFile: string;

/** The blocks of `services:` in `docker-compose config` output, by service name. */
function serviceBlocks(config: string): Map<string, string> {
  const blocks = new Map<string, string>();
  const lines = config.split('\n');
  let current: string | undefined;
  let inServices = false;
  for (const line of lines) {
    if (/^\S/.test(line)) {
      inServices = line === 'services:';
      current = undefined;
      continue;
    }
    if (!inServices) continue;
    const name = /^ {2}([\w.-]+):$/.exec(line)?.[1];
    if (name) {
      current = name;
      blocks.set(name, '');
    } else if (current) {
      blocks.set(current, `${blocks.get(current)!}${line}\n`);
    }
  }
  return blocks;
}

/** The items of a block list (`- item`) under `key` in a service block, unquoted. */
function listUnder(block: string, key: string): string[] {
  const lines = block.split('\n');
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  if (start < 0) return [];
  const keyIndent = lines[start]!.search(/\S/);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const indent = line.search(/\S/);
    if (indent < 0) continue;
    if (indent < keyIndent || (indent === keyIndent && !line.trimStart().startsWith('- '))) break;
    const item = /^\s*- (.*)$/.exec(line)?.[1];
    if (item !== undefined) items.push(item.replace(/^(['"])(.*)\1$/, '$2'));
  }
  return items;
}

/** The `key: value` pairs of a mapping under `key` in a service block; unset (null) ones left out. */
function mappingUnder(block: string, key: string): Record<string, string> {
  const lines = block.split('\n');
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  const keyIndent = lines[start]?.search(/\S/) ?? 0;
  const pairs: Record<string, string> = {};
  for (const line of start < 0 ? [] : lines.slice(start + 1)) {
    if (line.search(/\S/) <= keyIndent) break;
    const pair = /^\s+([\w.-]+): ?(.*)$/.exec(line);
    if (pair && pair[2] !== 'null') pairs[pair[1]!] = pair[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return pairs;
}

/** The value after `flag` in a command list. */
function option(command: string[], flag: string): string | undefined {
  const at = command.indexOf(flag);
  return at < 0 ? undefined : command[at + 1];
}

describe('docker-compose.yml', () => {
  let services: Map<string, string>;

  beforeAll(() => {
    workDir = mkdtempSync(join(os.tmpdir(), 'bloei-compose-'));
    emptyEnvFile = join(workDir, 'empty.env');
    writeFileSync(emptyEnvFile, '');
    const result = compose(['config'], required);
    if (result.status !== 0) throw new Error(`docker-compose config failed:\n${result.stderr}`);
    services = serviceBlocks(result.stdout);
  });
  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('is valid for docker-compose (`config -q`) once its required variables are set', () => {
    const result = compose(['config', '-q'], required);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('hard-codes no database password: without POSTGRES_PASSWORD it refuses, naming it', () => {
    const result = compose(['config', '-q'], {});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('POSTGRES_PASSWORD');
  });

  it('keys conversation ids with one secret for every service: without BLOEI_ID_SECRET it refuses', () => {
    const result = compose(['config', '-q'], { POSTGRES_PASSWORD: required.POSTGRES_PASSWORD });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('BLOEI_ID_SECRET');
  });

  it('runs PostgreSQL, Redis, the migration, the bot, the worker and the web dashboard', () => {
    expect([...services.keys()].sort()).toEqual(
      ['bot', 'migrate', 'postgres', 'redis', 'web', 'worker'].sort(),
    );
    expect(listUnder(services.get('bot')!, 'command').slice(-1)).toEqual(['start']);
    expect(listUnder(services.get('worker')!, 'command').slice(-1)).toEqual(['worker']);
    expect(listUnder(services.get('web')!, 'command').slice(-1)).toEqual(['web']);
    expect(listUnder(services.get('migrate')!, 'command').slice(-1)).toEqual(['migrate']);
  });

  it('gives every long-running service a health check', () => {
    for (const name of ['postgres', 'redis', 'bot', 'worker', 'web']) {
      const test = listUnder(services.get(name)!, 'test');
      expect({ name, test: test.length > 0 }).toEqual({ name, test: true });
    }
    expect(listUnder(services.get('bot')!, 'test').join(' ')).toContain('/healthz');
    expect(listUnder(services.get('worker')!, 'test').join(' ')).toContain('/healthz');
    expect(listUnder(services.get('web')!, 'test').join(' ')).toContain(':8080/healthz');
  });

  it('runs Redis with noeviction (BullMQ loses jobs otherwise) and the append-only file', () => {
    const command = listUnder(services.get('redis')!, 'command');
    expect(option(command, '--maxmemory-policy')).toBe('noeviction');
    expect(option(command, '--appendonly')).toBe('yes');
  });

  it('starts the Bloei processes only after the migration has completed', () => {
    const afterMigration = /^ +migrate:\n +condition: service_completed_successfully$/m;
    for (const name of ['bot', 'worker', 'web']) {
      expect({ name, ok: afterMigration.test(services.get(name)!) }).toEqual({ name, ok: true });
    }
    expect(services.get('migrate')).toMatch(/^ +postgres:\n +condition: service_healthy$/m);
    expect(services.get('migrate')).toMatch(/restart: 'no'|restart: "no"|restart: no/);
  });

  it('keeps the WhatsApp session, the database and the Redis data in volumes', () => {
    expect(listUnder(services.get('bot')!, 'volumes').join('\n')).toMatch(
      /^whatsapp-session:\/app\/\.data\/whatsapp/m,
    );
    expect(listUnder(services.get('postgres')!, 'volumes').join('\n')).toContain(
      ':/var/lib/postgresql/data',
    );
    expect(listUnder(services.get('redis')!, 'volumes').join('\n')).toContain(':/data');
  });

  it('gives each Bloei service a valid configuration from a copy of .env.example', () => {
    const result = compose(['config'], required, join(repo, '.env.example'));
    expect(result.status).toBe(0);
    const fromExample = serviceBlocks(result.stdout);
    for (const name of ['migrate', 'bot', 'worker', 'web']) {
      const environment = mappingUnder(fromExample.get(name)!, 'environment');
      expect(environment.DATABASE_URL).toMatch(/@postgres:5432\/bloei$/);
      expect(() => loadConfig(environment)).not.toThrow();
    }
    const bot = loadConfig(mappingUnder(fromExample.get('bot')!, 'environment'));
    expect(bot).toMatchObject({ health: { port: 8081 }, redisUrl: 'redis://redis:6379' });
  });

  it('lets every setting Bloei reads be configured: each variable of config.ts is named', () => {
    const config = readFileSync(join(repo, 'src/config.ts'), 'utf8');
    const read = [...config.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    const source = readFileSync(composeFile, 'utf8');
    expect(read.length).toBeGreaterThan(20);
    expect(read.filter((name) => !new RegExp(`^\\s+${name}:`, 'm').test(source))).toEqual([]);
  });
});
