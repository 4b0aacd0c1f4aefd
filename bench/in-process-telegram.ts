/**
 * grammY without Telegram, for benchmarks that drive a bot with `bot.handleUpdate`: the bot's
 * identity (so no getMe), text updates from private chats, and a `fetch` that records every
 * Bot API call and answers with a fake sent message. The stub sits at the bottom of grammY's
 * client, below every API transformer: the conversations plugin builds a fresh Api for each
 * replayed context (from the bot's token and client options, without the bot's transformers)
 * and wraps it in the transformer that records calls into its replay log, so a transformer on
 * `bot.api` never reaches it, and one installed from inside a conversation would sit above the
 * replay log and be called again on every replay. `client.fetch` reaches both bots the same way.
 */
import type { BotConfig, Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';

export const botInfo: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: 'Bloei',
  username: 'bloei_bench_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface RecordedCall {
  method: string;
  /** The JSON body grammY sent. */
  body: string;
}

/** Bot options for an in-process bot whose API calls land in `calls`. */
export function inProcessBot<C extends Context>(calls: RecordedCall[]): BotConfig<C> {
  let messageId = 0;
  const fetch = async (url: string | URL, init?: { body?: unknown }) => {
    const method = String(url).slice(String(url).lastIndexOf('/') + 1);
    const body = typeof init?.body === 'string' ? init.body : '';
    calls.push({ method, body });
    const result = { message_id: ++messageId, date: 0, chat: { id: 0, type: 'private' } };
    return { json: async () => ({ ok: true, result }) };
  };
  return { botInfo, client: { fetch: fetch as unknown as typeof globalThis.fetch } };
}

let updateId = 0;

/** A text message from a resident in their private chat. */
export function textUpdate(chatId: number, text: string): Update {
  updateId += 1;
  const command = /^\/\w+/.exec(text);
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_772_445_600,
      chat: { id: chatId, type: 'private', first_name: 'Resident' },
      from: { id: chatId, is_bot: false, first_name: 'Resident', language_code: 'nl' },
      text,
      ...(command
        ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] }
        : {}),
    },
  };
}
