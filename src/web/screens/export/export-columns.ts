/**
 * The exports' columns, in words a Wijs user reads: Dutch headers, choices as their Dutch
 * labels (answer-in-words.ts, as a hand-off's summary shows them), wijken by name, yes and no,
 * and moments as "2026-03-04 14:05" in Eindhoven's time. Each kind is one entry in
 * `exportColumns`: how its rows are found and how a row reads.
 */
import { DateTime } from 'luxon';
import { answerInWords } from '../../../conversations/answer-in-words.js';
import type { Translator } from '../../../conversations/ports.js';
import type { FlowRegistry } from '../../../flows/engine.js';
import type { AnswerValue } from '../../../flows/state.js';
import { isQuestion } from '../../../flows/spec.js';
import {
  findCheckInRows,
  findHandoffRows,
  findMatchRows,
  findScanRows,
  findSignUpRows,
  type ExportFilter,
  type ExportKind,
  type ExportResident,
} from '../../../store/finders/export-finder.js';
import type { PrismaClient } from '../../../store/prisma-client.js';
import type { PageContext } from '../../page-context.js';
import type { CsvCell } from '../../to-csv.js';
import { mainQuestions, questionLabel } from '../indicators/funnel-view.js';
import { registrationZone } from './registration.js';

/** What a row needs to be put into words. */
export interface ExportWords {
  /** Texts in `registrationLanguage` (`web.*` keys). */
  ctx: PageContext;
  translator: Translator;
  flows: FlowRegistry;
  wijken: ReadonlyMap<string, string>;
}

export interface ExportTable {
  header: string[];
  rows: CsvCell[][];
}

/** One kind of export: its rows for a filter, in words. */
export interface ExportDefinition {
  table(prisma: PrismaClient, filter: ExportFilter, words: ExportWords): Promise<ExportTable>;
}

/** An export from a finder and a way to put its rows into words. */
function defineExport<R>(
  find: (prisma: PrismaClient, filter: ExportFilter) => Promise<R[]>,
  table: (words: ExportWords, rows: readonly R[]) => ExportTable,
): ExportDefinition {
  return { table: async (prisma, filter, words) => table(words, await find(prisma, filter)) };
}

const at = (moment: Date | null) =>
  moment
    ? DateTime.fromJSDate(moment, { zone: registrationZone }).toFormat('yyyy-MM-dd HH:mm')
    : null;

/** Helpers bound to one `ExportWords`. */
function speak(words: ExportWords) {
  const { ctx, translator, flows, wijken } = words;
  const sets = { wijken: [...wijken].map(([id, name]) => ({ id, name })) };
  const text = (key: string) => ctx.render({ key, params: {} });
  return {
    text,
    column: (name: string) => ctx.t(`exports.columns.${name}`),
    field: (name: string) => text(`staff.fields.${name}`),
    yesNo: (value: boolean | null) =>
      value === null ? null : text(value ? 'common.yes' : 'common.no'),
    wijk: (id: string | null) => (id ? (wijken.get(id) ?? ctx.t('exports.unknownWijk')) : null),
    answer: (flowId: string, name: string, value: AnswerValue | undefined) =>
      value === undefined
        ? null
        : answerInWords(translator, flows.get(flowId), name, value, ctx.language, sets),
    resident: (r: ExportResident): CsvCell[] => [r.id, r.firstName],
  };
}

const scans = defineExport(findScanRows, (words, rows) => {
  const say = speak(words);
  const fields = [
    'energy',
    'skills',
    'interests',
    'forOthers',
    'ownWish',
    'time',
    'mobility',
    'dutchComfort',
    'correction',
  ];
  return {
    header: [
      ...['id', 'residentId', 'firstName', 'wijk', 'completedAt'].map(say.column),
      ...fields.map(say.field),
      say.column('directions'),
      say.column('contactWish'),
    ],
    rows: rows.map((r) => [
      r.id,
      ...say.resident(r.resident),
      say.wijk(r.wijk),
      at(r.completedAt),
      ...fields.map((name) => say.answer('talentenscan', name, r.answers[name])),
      [r.answers['directions'] ?? []].flat().map(String).map(say.text).join(' '),
      say.yesNo(r.contactWish),
    ]),
  };
});

const signups = defineExport(findSignUpRows, (words, rows) => {
  const say = speak(words);
  const fields = [
    'category',
    'description',
    'helperGain',
    'availability',
    'mobility',
    'contactPreference',
    'correction',
  ];
  return {
    header: [
      ...['id', 'residentId', 'firstName', 'wijk', 'createdAt', 'signUpKind'].map(say.column),
      ...fields.map(say.field),
      ...['status', 'matchKind', 'matchedAt', 'closedAt'].map(say.column),
    ],
    rows: rows.map((r) => [
      r.id,
      ...say.resident(r.resident),
      say.wijk(r.wijk),
      at(r.createdAt),
      words.ctx.t(`exports.signUpKinds.${r.kind}`),
      ...fields.map((name) => say.answer('wijMatch', name, r.answers[name])),
      words.ctx.t(`exports.signUpStatus.${r.status}`),
      r.matchKind && words.ctx.t(`matches.kinds.${r.matchKind}`),
      at(r.matchedAt),
      at(r.closedAt),
    ]),
  };
});

const matches = defineExport(findMatchRows, (words, rows) => {
  const say = speak(words);
  const side = (n: 1 | 2) =>
    ['signUpId', 'residentId', 'firstName'].map((c) => words.ctx.t(`exports.columns.${c}N`, { n }));
  return {
    header: [
      ...['id', 'matchKind', 'wijk'].map(say.column),
      say.field('category'),
      ...['recordedAt', 'recordedBy'].map(say.column),
      ...side(1),
      ...side(2),
      ...['ontwikkelplaats', 'lasting', 'lastingJudgedAt'].map(say.column),
    ],
    rows: rows.map((r) => [
      r.id,
      words.ctx.t(`matches.kinds.${r.kind}`),
      say.wijk(r.wijk),
      r.category && say.answer('wijMatch', 'category', r.category),
      at(r.recordedAt),
      r.recordedBy,
      ...[0, 1].flatMap((i) => {
        const s = r.sides[i];
        return s ? [s.signUpId, ...say.resident(s.resident)] : [null, null, null];
      }),
      r.ontwikkelplaats,
      say.yesNo(r.lasting),
      at(r.lastingJudgedAt),
    ]),
  };
});

const handoffs = defineExport(findHandoffRows, (words, rows) => {
  const say = speak(words);
  return {
    header: [
      'id',
      'number',
      'residentId',
      'firstName',
      'wijk',
      'createdAt',
      'reason',
      'urgency',
      'status',
      'claimedBy',
      'claimedAt',
      'closedAt',
    ].map(say.column),
    rows: rows.map((r) => [
      r.id,
      r.number,
      ...say.resident(r.resident),
      say.wijk(r.wijk),
      at(r.createdAt),
      say.text(`staff.reasons.${r.reason}`),
      say.text(`staff.urgency.${r.urgency}`),
      words.ctx.t(`inbox.status.${r.status}`),
      r.claimedBy,
      at(r.claimedAt),
      at(r.closedAt),
    ]),
  };
});

const checkins = defineExport(findCheckInRows, (words, rows) => {
  const say = speak(words);
  const flow = words.flows.get('checkIn');
  const questions = flow
    ? Object.entries(flow.steps).flatMap(([id, step]) =>
        isQuestion(step) ? [{ id, name: step.save ?? id }] : [],
      )
    : [];
  const last = flow ? mainQuestions(flow).at(-1) : undefined;
  return {
    header: [
      ...['id', 'residentId', 'firstName', 'wijk', 'startedAt', 'complete'].map(say.column),
      ...questions.map((q) => questionLabel(words.ctx, words.translator, flow!, q.id)),
    ],
    rows: rows.map((r) => [
      r.id,
      ...say.resident(r.resident),
      say.wijk(r.wijk),
      at(r.startedAt),
      say.yesNo(last !== undefined && last in r.answers),
      ...questions.map((q) => say.answer('checkIn', q.name, r.answers[q.name])),
    ]),
  };
});

/** Every export kind: the one list the routes serve. */
export const exportDefinitions: Record<ExportKind, ExportDefinition> = {
  scans,
  signups,
  matches,
  handoffs,
  checkins,
};
