import { describe, expect, it } from 'vitest';
import { renderForWhatsApp } from '../../../src/bots/whatsapp/render.js';
import { toInbound } from '../../../src/bots/whatsapp/to-inbound.js';
import { wwebjsMessage } from './fake-whatsapp-client.js';

describe(toInbound.name, () => {
  it('turns a text into text, keyed by the chat id and the message id', () => {
    const message = wwebjsMessage({ from: '31612345678@c.us', body: '2', timestamp: 1772445600 });
    const now = new Date('2026-03-02T12:00:00Z');
    expect(toInbound(message, now)).toEqual({
      languageHint: 'nl',
      channel: 'whatsapp',
      userId: '31612345678@c.us',
      messageId: message.id._serialized,
      receivedAt: now,
      sentAt: new Date('2026-03-02T10:00:00Z'),
      content: { type: 'text', text: '2' },
    });
  });

  it('turns everything else into media of a kind', () => {
    const kinds = ['image', 'video', 'ptt', 'audio', 'sticker', 'document', 'location', 'vcard'];
    const content = kinds.map(
      (type) => toInbound(wwebjsMessage({ from: '1@c.us', type, body: 'x', timestamp: 1 })).content,
    );
    expect(content.map((c) => (c.type === 'media' ? c.kind : c.type))).toEqual([
      'photo',
      'video',
      'voice',
      'audio',
      'sticker',
      'document',
      'location',
      'contact',
    ]);
  });

  it('keeps the message id of media with content, to fetch it when it is passed on', () => {
    const voice = wwebjsMessage({ from: '1@c.us', type: 'ptt', hasMedia: true, timestamp: 1 });
    expect(toInbound(voice).content).toEqual({
      type: 'media',
      kind: 'voice',
      ref: voice.id._serialized,
    });
    const place = wwebjsMessage({ from: '1@c.us', type: 'location', timestamp: 1 });
    expect(toInbound(place).content).toEqual({ type: 'media', kind: 'location' });
  });
});

describe(renderForWhatsApp.name, () => {
  it('writes the choices as numbered lines under the text', () => {
    const text = renderForWhatsApp({
      channel: 'whatsapp',
      userId: '1@c.us',
      text: 'Vind je dat goed?',
      choices: [
        { id: 'yes', label: 'Ja' },
        { id: 'no', label: 'Nee' },
      ],
    });
    expect(text).toBe('Vind je dat goed?\n1. Ja\n2. Nee');
  });

  it('sends a message without choices as its text alone', () => {
    const message = { channel: 'whatsapp', userId: '1@c.us', text: 'Top!', choices: [] };
    expect(renderForWhatsApp(message)).toBe('Top!');
  });
});
