/**
 * How the simulator prints a bot message. Plain: the text, then the choices as numbered
 * lines. JSON: one object per message, `{"text": …, "choices": [{"id", "label"}]}`.
 */
import type { OutboundMessage } from '../channel.js';

export type SimulatorFormat = 'plain' | 'json';

export function renderForSimulator(message: OutboundMessage, format: SimulatorFormat): string {
  if (format === 'json') {
    return JSON.stringify({ text: message.text, choices: message.choices });
  }
  const lines = [message.text, ...message.choices.map((c, i) => `${i + 1}. ${c.label}`)];
  return lines.join('\n');
}
