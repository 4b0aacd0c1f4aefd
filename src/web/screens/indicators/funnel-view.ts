/**
 * The questionnaires whose drop-out the indicator screen shows, and their funnels in words:
 * the questions every run passes on its way to the end (the flow's main path, following each
 * step's `next` and never a branch, so an optional question such as a correction does not
 * look like a drop), named as staff know them.
 */
import { questionInWords } from '../../../conversations/answer-in-words.js';
import type { Lexicon } from '../../../flows/lexicon.js';
import type { FlowRegistry } from '../../../flows/engine.js';
import { isQuestion, type FlowDefinition } from '../../../flows/spec.js';
import type { FunnelCounts, FunnelQuestionnaire } from '../../../store/finders/funnel-finder.js';
import type { FunnelStage } from '../../components/charts/funnel-chart.js';
import type { PageContext } from '../../page-context.js';

/** The questionnaires residents fill in, in the menu's order, and the trainees' follow-up. */
export const funnelFlows = ['talentenscan', 'wijMatch', 'checkIn', 'followUp'] as const;

export interface FunnelView {
  flowId: string;
  title: string;
  /** Began, each question after the first, finished. */
  stages: FunnelStage[];
  medianSeconds: number | null;
}

/** The question steps on the main path of `flow`, in order. */
export function mainQuestions(flow: FlowDefinition): string[] {
  const questions: string[] = [];
  const seen = new Set<string>();
  for (let id: string = flow.start; id in flow.steps && !seen.has(id);) {
    seen.add(id);
    const step = flow.steps[id]!;
    if (isQuestion(step)) questions.push(id);
    id = step.next;
  }
  return questions;
}

/** What the funnel finder needs to know of each questionnaire that exists. */
export function funnelQuestionnaires(flows: FlowRegistry): FunnelQuestionnaire[] {
  return funnelFlows.flatMap((flowId) => {
    const flow = flows.get(flowId);
    const last = flow && mainQuestions(flow).at(-1);
    return last ? [{ flowId, lastStep: last }] : [];
  });
}

/**
 * A question as staff know it: its indicator's name, else the hand-off summary's name for
 * its answer, else the question as the resident read it.
 */
export function questionLabel(
  ctx: PageContext,
  lexicon: Lexicon,
  flow: FlowDefinition,
  stepId: string,
): string {
  const step = flow.steps[stepId];
  if (!step || !isQuestion(step)) return stepId;
  if (step.indicator) return ctx.t(`indicators.items.${step.indicator}`);
  const name = step.save ?? stepId;
  if (lexicon.text(`staff.fields.${name}`, ctx.language)) {
    return ctx.render({ key: `staff.fields.${name}`, params: {} });
  }
  return questionInWords(lexicon, flow, name, ctx.language) ?? stepId;
}

export function funnelViews(
  ctx: PageContext,
  lexicon: Lexicon,
  flows: FlowRegistry,
  counts: readonly FunnelCounts[],
): FunnelView[] {
  return counts.flatMap((c) => {
    const flow = flows.get(c.flowId);
    if (!flow) return [];
    const between = mainQuestions(flow).slice(1, -1);
    return [
      {
        flowId: c.flowId,
        title: ctx.render({ key: flow.title, params: {} }),
        stages: [
          { label: ctx.t('indicators.funnel.started'), count: c.started },
          ...between.map((id) => ({
            label: questionLabel(ctx, lexicon, flow, id),
            count: c.reached[id] ?? 0,
          })),
          { label: ctx.t('indicators.funnel.finished'), count: c.finished },
        ],
        medianSeconds: c.medianSeconds,
      },
    ];
  });
}
