/**
 * Validates a cohort file as a whole before anything is stored: every line that is wrong is
 * reported with its line number and what to fix; one bad line means nothing is imported.
 */
import { DateTime } from 'luxon';
import { channelIds, channelPlugin, isChannelId, type ChannelId } from '../bots/channels.js';
import { participationLadder } from '../flows/definitions/participation-ladder.js';

export const cohortColumns = [
  'first_name',
  'channel',
  'address',
  'language',
  'wijk',
  'training',
  'cohort',
  'start_date',
  'end_date',
  'ladder_start',
] as const;

const trainings: Record<string, 'dww' | 'ktb' | 'other'> = {
  'de wijk werkt!': 'dww',
  'de wijk werkt': 'dww',
  dww: 'dww',
  'kom tot bloei!': 'ktb',
  'kom tot bloei': 'ktb',
  ktb: 'ktb',
  other: 'other',
  anders: 'other',
};

export interface CohortRow {
  line: number;
  firstName: string;
  channel: ChannelId;
  /** The channel's own id: a Telegram chat id, or a WhatsApp chat id (`31612345678@c.us`). */
  externalId: string;
  language: string;
  wijk: string;
  training: 'dww' | 'ktb' | 'other';
  cohort: string;
  startDate: string;
  endDate: string;
  ladderStart: number | null;
}

export interface CohortValidation {
  rows: CohortRow[];
  errors: string[];
}

export function validateCohort(
  records: Record<string, string>[],
  known: { languages: readonly string[]; wijken: readonly string[] },
): CohortValidation {
  const rows: CohortRow[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const line = index + 2;
    const problems: string[] = [];
    const get = (column: (typeof cohortColumns)[number]) => (record[column] ?? '').trim();
    const firstName = get('first_name');
    if (!firstName) problems.push('first_name is empty');
    const channel = get('channel').toLowerCase();
    const address = get('address').replace(/[\s-]/g, '');
    let externalId = '';
    if (isChannelId(channel)) {
      const read = channelPlugin(channel).cohortAddress(address);
      if ('externalId' in read) externalId = read.externalId;
      else problems.push(`address "${get('address')}" ${read.problem}`);
    } else {
      problems.push(`channel "${get('channel')}" is not ${channelIds.join(' or ')}`);
    }
    const language = get('language').toLowerCase();
    if (!known.languages.includes(language)) {
      problems.push(`language "${get('language')}" is not one of ${known.languages.join(', ')}`);
    }
    const wijk = get('wijk').toLowerCase();
    if (!known.wijken.includes(wijk)) {
      problems.push(`wijk "${get('wijk')}" is unknown (known: ${known.wijken.join(', ')})`);
    }
    const training = trainings[get('training').toLowerCase()];
    if (!training) {
      problems.push(`training "${get('training')}" is not De Wijk Werkt!, Kom tot Bloei! or other`);
    }
    const cohort = get('cohort');
    if (!cohort) problems.push('cohort is empty');
    const start = DateTime.fromISO(get('start_date'), { zone: 'utc' });
    const end = DateTime.fromISO(get('end_date'), { zone: 'utc' });
    if (!start.isValid)
      problems.push(`start_date "${get('start_date')}" is not a date (YYYY-MM-DD)`);
    if (!end.isValid) problems.push(`end_date "${get('end_date')}" is not a date (YYYY-MM-DD)`);
    if (start.isValid && end.isValid && end < start) problems.push('end_date is before start_date');
    const ladderText = get('ladder_start');
    const ladderStart = ladderText === '' ? null : Number(ladderText);
    if (ladderStart !== null && !participationLadder.some((s) => s.step === ladderStart)) {
      problems.push(
        `ladder_start "${ladderText}" is not a step from 1 to ${participationLadder.length}`,
      );
    }
    const person = `${channel}:${externalId}:${training}:${cohort}`;
    const earlier = seen.get(person);
    if (externalId && earlier !== undefined) {
      problems.push(`the same person is already in cohort "${cohort}" on line ${earlier}`);
    } else if (externalId) {
      seen.set(person, line);
    }
    if (problems.length > 0) {
      errors.push(...problems.map((p) => `line ${line}: ${p}`));
      return;
    }
    rows.push({
      line,
      firstName,
      channel: channel as ChannelId,
      externalId,
      language,
      wijk,
      training: training!,
      cohort,
      startDate: start.toISODate()!,
      endDate: end.toISODate()!,
      ladderStart,
    });
  });
  return { rows, errors };
}
