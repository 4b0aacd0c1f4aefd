/**
 * WhatsApp as a registered channel: on with `WHATSAPP_ENABLED`; whatsapp-web.js (and its
 * browser) is loaded only then. It cannot run without the inbound spool: a message read
 * from the phone's history must survive a crash before it is handled. A cohort file gives a
 * phone number in E.164, kept as WhatsApp's chat id.
 */
import { ConfigError } from '../../errors/config-error.js';
import { defineChannel } from '../channel-plugin.js';
import { whatsappEnv, whatsappPace, whatsappSettings } from './whatsapp-settings.js';

export const whatsapp = defineChannel({
  id: 'whatsapp',
  followUpQueue: 'followups-whatsapp',
  sessionBound: true,
  env: whatsappEnv,
  settings: whatsappSettings,
  pace: whatsappPace,
  async create(settings, { logger, lateAfterMs, spool }) {
    if (!spool) {
      throw new ConfigError('the WhatsApp channel needs the inbound spool', {
        context: { variable: 'WHATSAPP_ENABLED' },
      });
    }
    const { WhatsAppChannel } = await import('./whatsapp-channel.js');
    const { backlogLimit } = settings;
    return new WhatsAppChannel(settings, logger, spool, {
      lateAfterMs,
      ...(backlogLimit ? { backlogLimit } : {}),
    });
  },
  cohortAddress: (address) =>
    /^\+[1-9]\d{7,14}$/.test(address)
      ? { externalId: `${address.slice(1)}@c.us` }
      : { problem: 'is not a phone number in E.164 (+31612345678)' },
});
