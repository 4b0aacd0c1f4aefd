import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/bots/channel.js';
import {
  decodeCallbackData,
  encodeCallbackData,
  maxCallbackDataBytes,
} from '../../../src/bots/telegram/callback-data.js';
import {
  maxMessageLength,
  renderForTelegram,
  splitText,
} from '../../../src/bots/telegram/render.js';
import { loadFlows } from '../../../src/flows/definitions/index.js';
import { questionChoices } from '../../../src/flows/step-view.js';

const question: OutboundMessage = {
  channel: 'telegram',
  userId: '42',
  text: 'Hoeveel tijd heb je ervoor?',
  choices: [
    { id: 'hour', label: 'Ongeveer een uur per week' },
    { id: 'fewHours', label: 'Een paar uur per week' },
  ],
  ref: '0a1b2c3d.7',
};

/** The longest ref the engine makes: 8 characters of the run id, a dot, a step index. */
const longestRef = 'ffffffff.999';

describe(renderForTelegram.name, () => {
  it('sends plain text without a keyboard when there are no choices', () => {
    expect(renderForTelegram({ ...question, choices: [] })).toEqual([{ text: question.text }]);
  });

  it('puts each choice on its own row, with the ref and choice id in the callback data', () => {
    expect(renderForTelegram(question)).toEqual([
      {
        text: question.text,
        replyMarkup: {
          inline_keyboard: [
            [{ text: 'Ongeveer een uur per week', callback_data: 'c|0a1b2c3d.7|hour' }],
            [{ text: 'Een paar uur per week', callback_data: 'c|0a1b2c3d.7|fewHours' }],
          ],
        },
      },
    ]);
  });

  it('splits a text over 4096 characters at line breaks, with the keyboard on the last part', () => {
    const paragraph = 'Buurt in Bloei. '.repeat(150).trim(); // 2,399 characters
    const text = [paragraph, paragraph, paragraph].join('\n');
    const parts = renderForTelegram({ ...question, text });
    expect(text.length).toBeGreaterThan(maxMessageLength);
    expect(parts.map((p) => p.text)).toEqual([paragraph, paragraph, paragraph]);
    expect(parts.slice(0, -1).every((p) => p.replyMarkup === undefined)).toBe(true);
    expect(parts.at(-1)!.replyMarkup?.inline_keyboard).toHaveLength(2);
  });

  it('shows numbered lines instead of buttons when a choice id cannot fit in a button', () => {
    const long = { id: 'x'.repeat(70), label: 'Een wijk met een heel lange id' };
    const [part, ...rest] = renderForTelegram({
      ...question,
      choices: [question.choices[0]!, long],
    });
    expect(rest).toEqual([]);
    expect(part).toEqual({
      text: `${question.text}\n1. Ongeveer een uur per week\n2. Een wijk met een heel lange id`,
    });
  });
});

describe(splitText.name, () => {
  it('keeps short texts whole, and an empty text as one part', () => {
    expect(splitText('hallo', 10)).toEqual(['hallo']);
    expect(splitText('', 10)).toEqual(['']);
  });

  it('cuts at a space, else hard, never inside a surrogate pair', () => {
    expect(splitText('aaaa bbbb cccc', 9)).toEqual(['aaaa', 'bbbb cccc']);
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    const flowers = '🌻🌻🌻';
    const parts = splitText(flowers, 3);
    expect(parts.join('')).toBe(flowers);
    expect(parts).toEqual(['🌻', '🌻', '🌻']);
  });
});

describe(encodeCallbackData.name, () => {
  it('round-trips choice id and ref', () => {
    const data = encodeCallbackData('woensel-zuidwest', '0a1b2c3d.12')!;
    expect(data).toBe('c|0a1b2c3d.12|woensel-zuidwest');
    expect(decodeCallbackData(data)).toEqual({ id: 'woensel-zuidwest', ref: '0a1b2c3d.12' });
  });

  it('stays within 64 bytes: drops the ref before it would not fit, and gives up after', () => {
    const fits = 'x'.repeat(maxCallbackDataBytes - `c|${longestRef}|`.length);
    expect(Buffer.byteLength(encodeCallbackData(fits, longestRef)!)).toBe(maxCallbackDataBytes);
    expect(encodeCallbackData(`${fits}y`, longestRef)).toBe(`c||${fits}y`);
    expect(encodeCallbackData('é'.repeat(30), longestRef)).toBe(`c||${'é'.repeat(30)}`);
    expect(encodeCallbackData('é'.repeat(31), longestRef)).toBeNull();
    expect(encodeCallbackData('x'.repeat(62), longestRef)).toBeNull();
  });

  it('fits every choice of every flow in a button, with the longest ref', () => {
    const ids = [...loadFlows().values()].flatMap((flow) =>
      Object.values(flow.steps).flatMap((step) => questionChoices(step).map((c) => c.id)),
    );
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) {
      expect(encodeCallbackData(id, longestRef), id).toBe(`c|${longestRef}|${id}`);
    }
  });
});
