/**
 * "My data" (mijn gegevens): everything Bloei keeps about a resident, in words they read in
 * their own language. Bloei stores ids (`registration`, `fewHours`, `scan_contact_wish`);
 * the resident sees what each stands for: the purpose they agreed to and since when, each
 * answer next to the question that asked it with choices by their labels, why and when they
 * asked for a person, the wijk by its name, a phone number they gave and what for.
 */
import type { FlowRegistry } from '../flows/engine.js';
import type { BotMessage, MessageParam } from '../flows/events.js';
import type { ChoiceSets } from '../flows/step-view.js';
import { formatPhone } from '../flows/answers/parse-phone.js';
import { answerInWords, questionInWords } from './answer-in-words.js';
import type { ContactRecord, Translator } from './ports.js';

export interface MyDataContext {
  translator: Translator;
  flows: FlowRegistry;
  /** The resident's language. */
  language: string;
  /** Names the host supplies at run time (the wijken), so no id is shown for them. */
  sets: ChoiceSets;
  /** Dates are shown as they were where the resident lives. */
  timeZone?: string;
}

/** Free text is shown up to this many characters. */
const longest = 200;

export function myDataMessage(record: ContactRecord | null, context: MyDataContext): BotMessage {
  if (!record) return { key: 'privacy.nothingStored', params: {} };
  const { translator, flows, language, sets } = context;
  const day = new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeZone: context.timeZone ?? 'Europe/Amsterdam',
  });
  const line = (key: string, params: Record<string, string>): string =>
    translator.render(
      {
        key,
        params: Object.fromEntries(Object.entries(params).map(([k, text]) => [k, { text }])),
      },
      language,
    ).text;
  const words = (key: string, fallback: string) => translator.text(key, language) ?? fallback;
  const list = (items: string[]): MessageParam =>
    items.length > 0 ? { list: items.map((text) => ({ text })) } : { key: 'privacy.none' };
  const wijkName = (id: string) =>
    sets.wijken?.find((w) => w.id === id)?.name ?? words(`wijken.${id}`, id);

  const answers: string[] = [];
  let lastFlow: string | undefined;
  for (const answer of record.answers) {
    const flow = flows.get(answer.flow);
    if (answer.flow !== lastFlow && flow) {
      const title = words(flow.title, '');
      const header = line('privacy.flowLine', { flow: title, date: day.format(answer.at) });
      if (title) answers.push(`  ${header}`);
    }
    lastFlow = answer.flow;
    const said = shorten(
      answerInWords(translator, flow, answer.name, answer.value, language, sets),
    );
    const question = questionInWords(translator, flow, answer.name, language);
    answers.push(
      question ? `  - ${line('privacy.answerLine', { question, answer: said })}` : `  - ${said}`,
    );
  }
  const wijMatch = flows.get('wijMatch');
  return {
    key: 'privacy.myData',
    params: {
      name: record.firstName ? { text: record.firstName } : { key: 'privacy.none' },
      language: { key: `language.names.${record.language}` },
      wijk: record.wijk ? { text: wijkName(record.wijk) } : { key: 'privacy.none' },
      channels: {
        text: record.channels.map((c) => words(`privacy.channelNames.${c}`, c)).join(', '),
      },
      preferredTime: { key: `preferredTime.choices.${record.preferredTime ?? 'any'}` },
      // How a verbinder can reach them (a number they typed, their Telegram username).
      details: list(
        (record.details ?? []).map((d) =>
          line('privacy.detailLine', {
            kind: words(`privacy.detailKinds.${d.kind}`, d.kind),
            value:
              d.kind === 'phone'
                ? formatPhone(d.value)
                : d.kind === 'telegram'
                  ? `@${d.value}`
                  : d.value,
            purpose: words(`privacy.detailPurposes.${d.purpose}`, d.purpose),
            date: day.format(d.at),
          }),
        ),
      ),
      consents: list(
        latestPerPurpose(record.consents).map((c) =>
          line('privacy.consentLine', {
            purpose: words(`privacy.purposes.${c.purpose}`, c.purpose),
            date: day.format(c.at),
          }),
        ),
      ),
      answers: answers.length > 0 ? { text: answers.join('\n') } : { key: 'privacy.none' },
      handoffs: list([
        ...record.handoffs.map((h) =>
          line('privacy.handoffLine', {
            reason: words(`privacy.handoffReasons.${h.reason}`, h.reason),
            status: words(`privacy.handoffStatus.${h.status}`, h.status),
            date: day.format(h.at),
          }),
        ),
        // What verbinders wrote about the resident is personal data too.
        ...record.notes.map((n) =>
          line('privacy.noteLine', { date: day.format(n.at), text: shorten(n.text) }),
        ),
        // And so is what they and their verbinder wrote each other through Bloei.
        ...record.relayed.map((m) =>
          line('privacy.relayLine', {
            direction: words(`privacy.relayDirection.${m.direction}`, m.direction),
            date: day.format(m.at),
            text: shorten(m.text ?? ''),
          }),
        ),
      ]),
      signUps: list(
        record.signUps.map((s) =>
          line('privacy.signUpLine', {
            kind: answerInWords(translator, wijMatch, 'kind', s.kind, language),
            category: answerInWords(translator, wijMatch, 'category', s.category, language),
            status: words(`privacy.signUpStatus.${s.status}`, s.status),
          }),
        ),
      ),
      enrolments: list(
        record.enrolments.map((e) =>
          line('privacy.enrolmentLine', {
            training: words(`privacy.trainings.${e.training}`, e.training),
            cohort: e.cohort,
          }),
        ),
      ),
    },
  };
}

/** Agreeing again (to a changed text) replaces the earlier agreement to the same purpose. */
function latestPerPurpose<C extends { purpose: string; at: Date }>(consents: readonly C[]): C[] {
  const latest = new Map<string, C>();
  for (const consent of consents) {
    const known = latest.get(consent.purpose);
    if (!known || known.at <= consent.at) latest.set(consent.purpose, consent);
  }
  return [...latest.values()];
}

function shorten(text: string): string {
  const points = Array.from(text);
  return points.length > longest ? `${points.slice(0, longest).join('')}…` : text;
}
