import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboundMessage } from '../../../src/bots/channel.js';
import { WhatsAppChannel } from '../../../src/bots/whatsapp/whatsapp-channel.js';
import { WhatsAppSendError } from '../../../src/errors/whatsapp-send-error.js';
import type { Logger } from '../../../src/conversations/ports.js';
import { PrismaInboundSpool } from '../../../src/store/prisma-inbound-spool.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { fakeClientFactory, settle, wwebjsMessage } from './fake-whatsapp-client.js';

const config = { dataDir: '/nonexistent/whatsapp', chromiumPath: '/nonexistent/chromium' };
const resident = '31612345678@c.us';

/** A logger that keeps every line, to check what is said and that no number leaks. */
function recordingLogger() {
  const lines: { level: string; fields: object; message: string }[] = [];
  const at =
    (level: string) =>
    (fields: object, message: string): void => {
      lines.push({ level, fields, message });
    };
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
  return { logger, lines };
}

const never = () => new Promise<void>(() => {});
/** A safety cap against hanging, not a deadline the test is judged by. */
const cap = { timeout: 300_000, interval: 10 };
const failing = (message: string) => () => Promise.reject(new Error(message));

const channels: WhatsAppChannel[] = [];
/** Each test's own database: what one test leaves in the spool is not another's business. */
let db: TestDatabase;

/** An adapter with short back-offs whose sink answers every text with an echo. */
function echoingChannel(factory: ReturnType<typeof fakeClientFactory>, startTimeoutMs = 1_000) {
  const { logger, lines } = recordingLogger();
  const received: InboundMessage[] = [];
  const channel = new WhatsAppChannel(config, logger, new PrismaInboundSpool(db.prisma), {
    createClient: factory.create,
    retryDelays: [5, 10],
    handleRetryDelays: [5, 5],
    startTimeoutMs,
    output: { write: () => true },
  });
  channels.push(channel);
  const sink = async (message: InboundMessage) => {
    received.push(message);
    const text = message.content.type === 'text' ? message.content.text : '?';
    await channel.send({ channel: 'whatsapp', userId: message.userId, text, choices: [] });
  };
  return { channel, sink, received, lines };
}

describe(`${WhatsAppChannel.name} when WhatsApp Web fails`, () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled);
  });
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(channels.splice(0).map((channel) => channel.stop()));
    await settle();
    await db.drop();
    expect(unhandled).toEqual([]);
  });
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('replaces a disconnected client with a new one and keeps answering', async () => {
    const factory = fakeClientFactory();
    const { channel, sink, lines } = echoingChannel(factory);
    await channel.start(sink);
    const first = factory.latest();
    first.emit('ready');
    first.deliver(wwebjsMessage({ from: resident, body: 'een', timestamp: 2e9 }));
    await vi.waitFor(() => expect(first.sent).toEqual([{ chatId: resident, text: 'een' }]), cap);

    first.emit('disconnected', 'NAVIGATION');
    expect(first.destroyed).toBe(true);
    await expect(
      channel.send({ channel: 'whatsapp', userId: resident, text: 'x', choices: [] }),
    ).rejects.toMatchObject({ name: WhatsAppSendError.name, reason: 'not-connected' });

    await vi.waitFor(() => expect(factory.clients).toHaveLength(2), cap);
    const second = factory.latest();
    expect(second.initializeCalls).toBe(1);
    second.emit('ready');
    second.deliver(wwebjsMessage({ from: resident, body: 'twee', timestamp: 2e9 + 1 }));
    await vi.waitFor(() => expect(second.sent).toEqual([{ chatId: resident, text: 'twee' }]), cap);

    // The old client is gone: whatever it still emits is not handled.
    first.emit('message', wwebjsMessage({ from: resident, body: 'oud', timestamp: 2e9 + 2 }));
    await settle();
    expect([...first.sent, ...second.sent].map((s) => s.text)).toEqual(['een', 'twee']);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'WhatsApp unavailable, reconnecting',
        fields: expect.objectContaining({ reason: 'WhatsApp Web disconnected (NAVIGATION)' }),
      }),
    );
    expect(JSON.stringify(lines)).not.toContain('31612345678');
  });

  it('resolves start() when initialize() rejects, and retries with back-off until it works', async () => {
    const factory = fakeClientFactory(
      failing('Failed to launch the browser process'),
      failing('net::ERR_NAME_NOT_RESOLVED'),
    );
    const { channel, sink, lines } = echoingChannel(factory);
    await expect(channel.start(sink)).resolves.toBeUndefined();

    await vi.waitFor(() => expect(factory.clients).toHaveLength(3), cap);
    expect(factory.clients.slice(0, 2).map((c) => c.destroyed)).toEqual([true, true]);
    const warnings = lines.filter((l) => l.level === 'warn');
    expect(warnings.map((l) => l.fields)).toMatchObject([
      { reason: 'WhatsApp Web did not start', attempt: 1, retryInMs: 5 },
      { reason: 'WhatsApp Web did not start', attempt: 2, retryInMs: 10 },
    ]);

    const third = factory.latest();
    third.emit('ready');
    third.deliver(wwebjsMessage({ from: resident, body: 'hallo', timestamp: 2e9 }));
    await vi.waitFor(() => expect(third.sent).toEqual([{ chatId: resident, text: 'hallo' }]), cap);
  });

  it('resolves start() when initialize() hangs, and replaces the stuck client', async () => {
    const factory = fakeClientFactory(never);
    const { channel, sink, lines } = echoingChannel(factory, 20);
    await channel.start(sink);
    expect(factory.clients).toHaveLength(1);
    await vi.waitFor(() => expect(factory.clients).toHaveLength(2), cap);
    expect(factory.clients[0]!.destroyed).toBe(true);
    expect(lines.find((l) => l.level === 'warn')?.fields).toMatchObject({
      reason: 'no progress within 20 ms',
    });
  });

  it('keeps a failing sink or a refused send inside the adapter', async () => {
    const factory = fakeClientFactory();
    const { lines, channel } = echoingChannel(factory);
    await channel.start(() => Promise.reject(new Error('database is down')));
    factory.latest().emit('ready');
    factory.latest().deliver(wwebjsMessage({ from: resident, body: 'hoi', timestamp: 2e9 }));
    const parked = 'inbound message parked for a coordinator';
    await vi.waitFor(() => expect(lines.map((l) => l.message)).toContain(parked), cap);
    // Tried again after each pause, then parked, and said so (with the error's name only).
    expect(lines.filter((l) => l.level !== 'info').map((l) => [l.level, l.message])).toEqual([
      ['warn', 'inbound message not handled, trying again'],
      ['warn', 'inbound message not handled, trying again'],
      ['error', parked],
    ]);
    expect(lines.at(-1)?.fields).toMatchObject({ attempt: 3, err: 'Error' });
    const parkedRows = () => db.prisma.spooledInbound.count({ where: { status: 'parked' } });
    await vi.waitFor(async () => expect(await parkedRows()).toBe(1), cap);

    factory.latest().sendMessage = (chatId) =>
      Promise.reject(new Error(`Evaluation failed: no chat for ${chatId}`));
    const refused = channel.send({ channel: 'whatsapp', userId: resident, text: 'x', choices: [] });
    await expect(refused).rejects.toMatchObject({
      code: 'WHATSAPP_SEND_FAILED',
      reason: 'rejected',
    });
    // The library's message is kept for the logs, without the number in it.
    await expect(refused).rejects.toThrow('refused the reply: Evaluation failed: no chat for [id]');
  });

  it('logs an auth failure clearly and pairs again with a new client', async () => {
    const factory = fakeClientFactory();
    const { channel, sink, lines } = echoingChannel(factory);
    await channel.start(sink);
    factory.latest().emit('auth_failure', 'session restore failed');
    expect(lines.find((l) => l.level === 'error')).toMatchObject({
      fields: { reason: 'session restore failed' },
      message: expect.stringMatching(/could not be restored.*WHATSAPP_DATA_DIR/),
    });
    await vi.waitFor(() => expect(factory.clients).toHaveLength(2), cap);
  });

  it('stop() destroys the client and cancels a pending reconnect', async () => {
    const factory = fakeClientFactory(failing('boom'));
    const { channel, sink } = echoingChannel(factory);
    await channel.start(sink);
    await settle();
    // A reconnect is now pending; stop and start again at once: only the new start connects.
    await channel.stop();
    await channel.start(sink);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(factory.clients).toHaveLength(2);

    await channel.stop();
    expect(factory.latest().destroyed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(factory.clients).toHaveLength(2);
  });
});
