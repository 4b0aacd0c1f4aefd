/**
 * An outbound message as one WhatsApp text: the text, then the choices as numbered lines.
 * No interactive buttons (whatsapp-web.js deprecated buttons and lists: WhatsApp no longer
 * shows them); the resident replies with a number or a label, and the engine understands both.
 */
import type { OutboundMessage } from '../channel.js';

export function renderForWhatsApp(message: OutboundMessage): string {
  const choices = message.choices.map((choice, i) => `${i + 1}. ${choice.label}`);
  return [message.text, ...choices].filter((line) => line !== '').join('\n');
}
