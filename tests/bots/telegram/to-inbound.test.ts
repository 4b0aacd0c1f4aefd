import type { Message, Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { mediaKinds, toInbound } from '../../../src/bots/telegram/to-inbound.js';

const from = { id: 42, is_bot: false, first_name: 'Amina', language_code: 'en-GB' };
const chat = { id: 42, type: 'private', first_name: 'Amina' } as const;
const now = new Date('2026-03-02T10:00:00Z');

function message(fields: Record<string, unknown>, overrides: Partial<Message> = {}): Update {
  return {
    update_id: 7001,
    message: { message_id: 5, date: 1_772_445_600, chat, from, ...fields, ...overrides },
  } as unknown as Update;
}

describe(toInbound.name, () => {
  it('turns a private text message into inbound text, keyed by chat id and update id', () => {
    expect(toInbound(message({ text: 'Ik was kok' }), now)).toEqual({
      channel: 'telegram',
      userId: '42',
      messageId: '7001',
      receivedAt: now,
      sentAt: new Date(1_772_445_600 * 1000),
      content: { type: 'text', text: 'Ik was kok' },
      languageHint: 'en-GB',
      displayName: 'Amina',
    });
  });

  it('passes the @username on when the person has one, so a verbinder can reach them', () => {
    const update = message({ text: 'Hoi' }, { from: { ...from, username: 'amina_ehv' } });
    expect(toInbound(update, now)).toMatchObject({ username: 'amina_ehv' });
    expect(toInbound(message({ text: 'Hoi' }), now)).not.toHaveProperty('username');
  });

  it('passes commands on as text, dropping only a /start deep-link payload', () => {
    const text = (t: string) => toInbound(message({ text: t }), now)?.content;
    expect(text('/start')).toEqual({ type: 'text', text: '/start' });
    expect(text('/start wijk-gestel')).toEqual({ type: 'text', text: '/start' });
    expect(text('/taal@BloeiBot')).toEqual({ type: 'text', text: '/taal@BloeiBot' });
    expect(text('/stop nu')).toEqual({ type: 'text', text: '/stop nu' });
  });

  it('ignores groups, supergroups and channels', () => {
    for (const type of ['group', 'supergroup', 'channel'] as const) {
      const update = message({ text: 'hallo' }, {
        chat: { id: -100, type, title: 'Buurt' },
      } as never);
      expect(toInbound(update, now)).toBeNull();
    }
    expect(toInbound({ update_id: 1, channel_post: {} } as unknown as Update, now)).toBeNull();
  });

  it.each([
    ['photo', { photo: [{ file_id: 'small' }, { file_id: 'p' }] }, 'p'],
    ['voice', { voice: { file_id: 'v' } }, 'v'],
    ['audio', { audio: { file_id: 'a' } }, 'a'],
    ['video', { video: { file_id: 'v' } }, 'v'],
    ['video_note', { video_note: { file_id: 'v' } }, 'v'],
    ['sticker', { sticker: { file_id: 's' } }, undefined],
    ['animation', { animation: { file_id: 'g' }, document: { file_id: 'g' } }, 'g'],
    [
      'venue',
      { venue: { title: 'Buurthuis' }, location: { latitude: 51, longitude: 5 } },
      undefined,
    ],
    ['location', { location: { latitude: 51, longitude: 5 } }, undefined],
    ['contact', { contact: { phone_number: '+31', first_name: 'Jan' } }, undefined],
    ['document', { document: { file_id: 'd' }, caption: 'mijn cv' }, 'd'],
    ['poll', { poll: { id: 'q' } }, undefined],
  ])('reports a %s as media, with the file id of its content to pass on', (kind, fields, ref) => {
    expect(toInbound(message(fields), now)?.content).toEqual({
      type: 'media',
      kind,
      ...(ref ? { ref } : {}),
    });
  });

  it('says which message Bloei sent a reply answers', () => {
    const reply = message({ text: 'Ik bel je morgen', reply_to_message: { message_id: 41 } });
    expect(toInbound(reply, now)?.replyTo).toBe('41');
    expect(toInbound(message({ text: 'hallo' }), now)?.replyTo).toBeUndefined();
  });

  it('covers every media kind it names', () => {
    expect(mediaKinds).toHaveLength(12);
  });

  it('ignores messages Bloei cannot answer meaningfully (service messages)', () => {
    expect(toInbound(message({ pinned_message: {} }), now)).toBeNull();
  });

  it('turns a tapped button into a choice with the question ref', () => {
    const update = {
      update_id: 7002,
      callback_query: {
        id: 'cq1',
        from,
        chat_instance: 'x',
        data: 'c|0a1b2c3d.4|fewHours',
        message: { message_id: 9, date: 1, chat, text: 'Hoeveel tijd?' },
      },
    } as unknown as Update;
    expect(toInbound(update, now)).toEqual({
      channel: 'telegram',
      userId: '42',
      messageId: '7002',
      receivedAt: now,
      content: { type: 'choice', id: 'fewHours', ref: '0a1b2c3d.4' },
      languageHint: 'en-GB',
      displayName: 'Amina',
    });
  });

  it('ignores taps with foreign data, without a message, or outside private chats', () => {
    const tap = (data: string, msg: unknown) =>
      toInbound(
        {
          update_id: 1,
          callback_query: { id: 'q', from, chat_instance: 'x', data, message: msg },
        } as unknown as Update,
        now,
      );
    const inPrivate = { message_id: 1, date: 1, chat };
    expect(tap('something-else', inPrivate)).toBeNull();
    expect(tap('c|r|id', undefined)).toBeNull();
    expect(tap('c|r|id', { ...inPrivate, chat: { id: -1, type: 'group', title: 'g' } })).toBeNull();
    expect(tap('c||id', inPrivate)?.content).toEqual({ type: 'choice', id: 'id' });
  });
});
