/**
 * Telegram as a registered channel: on when `TELEGRAM_BOT_TOKEN` is set; grammY is loaded
 * only then. A cohort file gives a resident's Telegram user or chat id.
 */
import { defineChannel } from '../channel-plugin.js';
import { telegramEnv, telegramPace, telegramSettings } from './telegram-settings.js';

export const telegram = defineChannel({
  id: 'telegram',
  followUpQueue: 'followups-telegram',
  sessionBound: false,
  env: telegramEnv,
  settings: telegramSettings,
  pace: telegramPace,
  async create(settings, { logger, translator, lateAfterMs, spool }) {
    const { TelegramChannel } = await import('./telegram-channel.js');
    return new TelegramChannel(settings, logger, translator, {
      lateAfterMs,
      ...(spool ? { spool } : {}),
    });
  },
  cohortAddress: (address) =>
    /^-?\d{1,15}$/.test(address)
      ? { externalId: address }
      : { problem: 'is not a Telegram user or chat id' },
});
