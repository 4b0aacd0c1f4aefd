/**
 * Messages from verbinders. An unlinked chat that sends a valid one-time code becomes that
 * verbinder's chat; a linked chat can claim ("pak 12" or the button), answer the resident
 * ("antwoord 12 Hoi Samira", "reply 12 …", a saved reply "antwoord 12 /bel-morgen"), close
 * ("sluit 12"), list open hand-offs, or unlink with "stop". Claiming tells the resident, in
 * their own language, who will contact them; from then on what the resident writes reaches
 * the verbinder as "#12 Samira: …"; closing returns the resident to the bot. On Telegram a
 * reply to an alert or a relayed message answers that hand-off, like "antwoord 12".
 */
import type { InboundMessage, OutboundMessage } from '../conversations/messages.js';
import type { StaffDesk, StaffIdentity, Translator } from '../conversations/ports.js';
import { normalize } from '../flows/answers/normalize.js';
import { alwaysUnderstood, words } from '../flows/lexicon.js';
import type { BotMessage } from '../flows/events.js';
import { identityKey } from '../conversations/identity-key.js';
import type { Store } from '../store/store.js';
import type { HandoffAction, HandoffActions } from './handoff-actions.js';
import { hashLinkCode, linkCodePattern } from './link-code.js';
import { repliedHandoff } from './replied-handoff.js';
import { savedReplies, savedReplyOf } from './saved-replies.js';

export interface StaffDeskOptions {
  /** Wrong codes a chat may send per hour before it is refused for a while. */
  maxLinkAttemptsPerHour?: number;
}

type Verbinder = StaffIdentity;
type Command =
  | { action: HandoffAction; number: number }
  | { action: 'reply'; number: number; text: string }
  | { action: 'open' | 'stop' | 'help' };

export class ChatStaffDesk implements StaffDesk {
  private readonly maxAttempts: number;

  constructor(
    private readonly store: Store,
    private readonly translator: Translator,
    private readonly actions: HandoffActions,
    options: StaffDeskOptions = {},
  ) {
    this.maxAttempts = options.maxLinkAttemptsPerHour ?? 5;
  }

  /** `staff` comes with the message's one read: a resident's message costs nothing more here. */
  async handle(
    inbound: InboundMessage,
    now: Date,
    staff: StaffIdentity | null,
  ): Promise<OutboundMessage[] | null> {
    if (staff) return this.command(staff, inbound, now);
    const text = inbound.content.type === 'text' ? inbound.content.text.trim() : '';
    return linkCodePattern.test(text) ? this.link(inbound, text, now) : null;
  }

  private async link(inbound: InboundMessage, code: string, now: Date) {
    const reply = (key: string, language: string, params: BotMessage['params'] = {}) => [
      this.to(inbound, language, { key, params }),
    ];
    const key = identityKey(inbound.channel, inbound.userId);
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const language = inbound.languageHint?.startsWith('en') ? 'en' : 'nl';
    // A resident who happens to type something code-shaped is answered by their own
    // conversation, in their own language, with their question asked again.
    const resident = await this.store.staff.isResidentChat(key);
    const refuse = (message: string) => (resident ? null : reply(message, language));
    const failures = await this.store.staff.failedLinks(key, hourAgo);
    if (failures >= this.maxAttempts) return refuse('staff.tooManyAttempts');
    const chat = { channel: inbound.channel, externalId: inbound.userId };
    const linked = await this.store.transaction((s) => s.staff.link(hashLinkCode(code), chat, now));
    if (!linked) {
      await this.store.staff.recordFailedLink(key, now);
      return refuse('staff.codeInvalid');
    }
    return reply('staff.linked', linked.language, { name: { text: linked.name } });
  }

  private async command(
    verbinder: Verbinder,
    inbound: InboundMessage,
    now: Date,
  ): Promise<OutboundMessage[]> {
    const command = await this.understand(inbound, verbinder.language);
    const say = (key: string, params: BotMessage['params'] = {}) => [
      this.to(inbound, verbinder.language, { key, params }),
    ];
    switch (command.action) {
      case 'help':
        return say('staff.help');
      case 'stop':
        await this.store.staff.unlink(verbinder.id);
        return say('staff.unlinked');
      case 'open': {
        const open = await this.store.handoffs.openList();
        if (open.length === 0) return say('staff.noneOpen');
        const list = await this.openList(open, verbinder.language);
        return say('staff.openList', { list: { text: list.join('\n') } });
      }
      case 'claim':
      case 'close':
        return this.act(verbinder, command.action, command.number, inbound, now);
      case 'reply':
        return this.reply(verbinder, command.number, command.text, inbound, now);
    }
  }

  /** "#12 opgepakt · Stratum · talentenscan klaar, wil contact": words, not ids. */
  private async openList(
    open: { number: number; status: string; reason: string; wijk: string | null }[],
    language: string,
  ): Promise<string[]> {
    const names = new Map((await this.store.staff.wijken()).map((w) => [w.id, w.name]));
    return open.map((h) => {
      const wijk = h.wijk ? names.get(h.wijk) : undefined;
      const line: BotMessage = {
        key: 'staff.openLine',
        params: {
          number: { text: String(h.number) },
          status: { key: `staff.status.${h.status}` },
          wijk: wijk ? { text: wijk } : { key: 'staff.unknownWijk' },
          reason: { key: `staff.reasons.${h.reason}` },
        },
      };
      return this.translator.render(line, language).text;
    });
  }

  private async act(
    verbinder: Verbinder,
    action: HandoffAction,
    number: number,
    inbound: InboundMessage,
    now: Date,
  ): Promise<OutboundMessage[]> {
    // The resident's notice commits with the change and is sent by the action itself.
    const { reply } = await this.actions.act(action, number, verbinder, now);
    return [this.to(inbound, verbinder.language, reply)];
  }

  private async reply(
    verbinder: Verbinder,
    number: number,
    text: string,
    inbound: InboundMessage,
    now: Date,
  ): Promise<OutboundMessage[]> {
    const saved = savedReplyOf(text);
    if (saved === null) {
      const list = savedReplies.map((r) => `/${r}`).join(', ');
      const message = { key: 'staff.unknownSavedReply', params: { list: { text: list } } };
      return [this.to(inbound, verbinder.language, message)];
    }
    const said = saved ? { saved } : { text };
    const { reply } = await this.actions.reply(number, verbinder, said, now);
    return [this.to(inbound, verbinder.language, reply)];
  }

  /**
   * The command; a text that replies to an alert or a relayed message answers its hand-off,
   * unless it is a command naming a hand-off itself ("sluit 12").
   */
  private async understand(inbound: InboundMessage, language: string): Promise<Command> {
    const command = this.parse(inbound, language);
    const { content, replyTo } = inbound;
    if (!replyTo || content.type !== 'text' || 'number' in command) return command;
    const number = await repliedHandoff(this.store, inbound, replyTo);
    return number === null ? command : { action: 'reply', number, text: content.text.trim() };
  }

  private parse(inbound: InboundMessage, language: string): Command {
    const { content } = inbound;
    if (content.type === 'choice') {
      const number = Number(/^h(\d+)$/.exec(content.ref ?? '')?.[1]);
      if ((content.id === 'claim' || content.id === 'close') && Number.isInteger(number)) {
        return { action: content.id, number };
      }
      return { action: 'help' };
    }
    if (content.type !== 'text') return { action: 'help' };
    const text = normalize(content.text);
    const languages = [language, ...alwaysUnderstood.filter((l) => l !== language)];
    const said = (action: string) =>
      words(this.translator, `staff.words.${action}`, languages).map((w) => normalize(w));
    // "antwoord 12 <text>": the text goes to the resident as typed, not normalised.
    const answer = /^(\S+)\s+#?(\d+)\s+([^]+)$/u.exec(content.text.trim());
    if (answer && said('reply').includes(normalize(answer[1]!))) {
      return { action: 'reply', number: Number(answer[2]), text: answer[3]!.trim() };
    }
    const withNumber = /^(.*?)\s*#?\s*(\d+)$/.exec(text);
    if (withNumber) {
      const [, verb = '', digits = ''] = withNumber;
      for (const action of ['claim', 'close'] as const) {
        if (said(action).includes(verb)) return { action, number: Number(digits) };
      }
    }
    if (said('open').includes(text)) return { action: 'open' };
    if (said('stop').includes(text)) return { action: 'stop' };
    return { action: 'help' };
  }

  private to(inbound: InboundMessage, language: string, message: BotMessage): OutboundMessage {
    return {
      channel: inbound.channel,
      userId: inbound.userId,
      ...this.translator.render(message, language),
    };
  }
}
