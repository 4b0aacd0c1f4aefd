/**
 * A reply that could not be delivered on WhatsApp, with why: no connection at the moment
 * (the adapter is reconnecting) or WhatsApp Web refused it. wwebjs errors can quote the chat
 * id, which is a phone number, so only a scrubbed copy of their message is kept, and the
 * library's error is not kept as `cause` (errors end up in logs, causes too).
 */
import { BloeiError } from './bloei-error.js';

export type WhatsAppSendFailure = 'not-connected' | 'rejected';

/** Long digit runs and WhatsApp ids (`…@c.us`, `…@lid`) in a library's error message. */
const identifying = /\+?\d{6,}(@[\w.]+)?|\S+@(c\.us|lid|g\.us|s\.whatsapp\.net)\b/g;

export class WhatsAppSendError extends BloeiError<{
  reason: WhatsAppSendFailure;
  causeType?: string;
}> {
  override readonly name = 'WhatsAppSendError';
  readonly code = 'WHATSAPP_SEND_FAILED';

  constructor(
    readonly reason: WhatsAppSendFailure,
    cause?: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : cause ? String(cause) : '';
    super(
      reason === 'not-connected'
        ? 'WhatsApp is not connected; the reply was not sent'
        : `WhatsApp Web refused the reply: ${detail.replace(identifying, '[id]')}`,
      { context: { reason, ...(cause instanceof Error ? { causeType: cause.name } : {}) } },
    );
  }
}
