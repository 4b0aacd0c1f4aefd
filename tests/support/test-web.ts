/** The staff dashboard on a test app, listening on a free loopback port, with staff logins. */
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../../src/conversations/ports.js';
import type { PrismaClient } from '../../src/store/prisma-client.js';
import type { LoginLimits } from '../../src/web/login-limiter.js';
import { createWebServer } from '../../src/web/web-server.js';
import { setStaffPassword } from '../../src/staff/staff-auth.js';
import { silentLogger, type TestApp } from './test-app.js';

export interface TestWeb {
  server: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function createTestWeb(
  app: TestApp,
  options: {
    jobs?: boolean;
    logger?: Logger;
    trustProxy?: boolean | number | string[];
    loginLimits?: LoginLimits;
    /** In place of the app's client, e.g. one that fails on purpose. */
    prisma?: PrismaClient;
  } = {},
): Promise<TestWeb> {
  await app.webchat.start((message) => app.handler.handle(message));
  const server = await createWebServer({
    prisma: options.prisma ?? app.prisma,
    store: app.store,
    translator: app.translator,
    flows: app.flows,
    handoffActions: app.handoffActions,
    logger: options.logger ?? silentLogger,
    clock: app.clock.now,
    jobs: options.jobs ? app.jobs : null,
    defaultLanguage: 'nl',
    secureCookies: true,
    texts: app.texts,
    webchat: app.webchat,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    ...(options.loginLimits ? { loginLimits: options.loginLimits } : {}),
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.server.address() as { port: number };
  // "localhost" is a secure context for browsers, so Secure cookies work over plain http.
  return { server, url: `http://localhost:${port}`, close: () => server.close() };
}

export const staffPassword = 'correct horse battery staple';

export async function addStaff(
  app: TestApp,
  login: string,
  input: { role?: 'verbinder' | 'coordinator'; wijk?: string; language?: string } = {},
): Promise<string> {
  const name = login[0]!.toUpperCase() + login.slice(1);
  const staff = await app.prisma.verbinder.create({
    data: {
      name,
      role: input.role ?? 'verbinder',
      wijkId: input.wijk ?? null,
      language: input.language ?? 'nl',
    },
  });
  await setStaffPassword(app.store, staff.id, login, staffPassword);
  return staff.id;
}
