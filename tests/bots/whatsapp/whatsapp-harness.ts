/**
 * The WhatsApp adapter on Bloei's real pipeline and database, with fake wwebjs clients of one
 * account behind it. `receive` delivers a message the way WhatsApp Web does while connected
 * and resolves once Bloei has handled it; `handled` counts every hand-over per message id.
 */
import type { InboundMessage, InboundSink, OutboundMessage } from '../../../src/bots/channel.js';
import { messageIdOf } from '../../../src/bots/whatsapp/to-inbound.js';
import {
  WhatsAppChannel,
  type WhatsAppChannelOptions,
} from '../../../src/bots/whatsapp/whatsapp-channel.js';
import type { WhatsAppMessage } from '../../../src/bots/whatsapp/whatsapp-client.js';
import type { Logger } from '../../../src/conversations/ports.js';
import { PrismaInboundSpool } from '../../../src/store/prisma-inbound-spool.js';
import { waitFor, within } from '../../faults/support/wait-for.js';
import { silentLogger, type TestApp } from '../../support/test-app.js';
import { fakeClientFactoryOn, FakeWhatsAppAccount, wwebjsMessage } from './fake-whatsapp-client.js';

export const config = { dataDir: '/nonexistent/whatsapp', chromiumPath: '/nonexistent/chromium' };

/** A safety cap against hanging, not a deadline the test is judged by. */
export const cap = () => within(300_000);

export interface HarnessOptions extends Omit<WhatsAppChannelOptions, 'createClient'> {
  account?: FakeWhatsAppAccount;
  logger?: Logger;
  /** Stands between the channel and the app, e.g. to fail or hang; default: the app. */
  sink?: (message: InboundMessage, app: TestApp) => Promise<unknown>;
}

export async function whatsAppOn(app: TestApp, options: HarnessOptions = {}) {
  const { account = new FakeWhatsAppAccount(), logger = silentLogger, sink, ...rest } = options;
  const factory = fakeClientFactoryOn(account);
  const inbound: InboundMessage[] = [];
  const handled = new Map<string, number>();
  const replies = new Map<string, OutboundMessage[]>();
  let printed = '';
  const channel = new WhatsAppChannel(config, logger, new PrismaInboundSpool(app.prisma), {
    createClient: factory.create,
    now: app.clock.now,
    output: { write: (text: string) => (printed += text) },
    ...rest,
  });
  app.router.add(channel);
  const handle: InboundSink = async (message) => {
    inbound.push(message);
    const result = await (sink ? sink(message, app) : app.handler.handle(message));
    handled.set(message.messageId, (handled.get(message.messageId) ?? 0) + 1);
    if (Array.isArray(result)) replies.set(message.messageId, result as OutboundMessage[]);
    return result;
  };
  await channel.start(handle);
  let seconds = Math.floor(app.clock.now().getTime() / 1000);

  /** Resolves once every one of `messages` was handled at least once. */
  const handledAll = (messages: readonly WhatsAppMessage[]) =>
    waitFor(
      () => messages.every((m) => handled.has(messageIdOf(m))),
      cap(),
      () => `${messages.filter((m) => !handled.has(messageIdOf(m))).length} messages handled`,
    );

  /** Delivers a message as WhatsApp Web would and returns the texts sent back to that chat. */
  const receive = async (fields: Partial<WhatsAppMessage> & { from: string }) => {
    const client = factory.latest();
    const before = client.sent.length;
    const message = wwebjsMessage({ timestamp: ++seconds, ...fields });
    client.deliver(message);
    await handledAll([message]);
    const sent = client.sent.slice(before).filter((s) => s.chatId === fields.from);
    return { texts: sent.map((s) => s.text), replies: replies.get(messageIdOf(message)) ?? [] };
  };

  return {
    channel,
    factory,
    account,
    inbound,
    handled,
    handledAll,
    receive,
    printed: () => printed,
    /** Every text sent to `chatId` by any client of the account. */
    sentTo: (chatId: string) =>
      factory.clients.flatMap((c) => c.sent.filter((s) => s.chatId === chatId).map((s) => s.text)),
  };
}
