/**
 * `message`: says something and moves on at once, running its actions. When nobody can take
 * a hand-off it says `noVerbinderText` instead (a step that hands off must not promise a
 * call), and it may suggest up to `max` directions from rules on earlier answers.
 *
 * ```json
 * { "kind": "message", "text": "talentenscan.thanks", "next": "end" }
 * ```
 */
import { z } from 'zod';
import { i18nKey, id } from '../definition-fields.js';
import { noVerbinderParams } from '../no-verbinder.js';
import type { AnswerValue } from '../state.js';
import { defineStepKind } from './step-kind.js';
import { commonFields } from './step-fields.js';

/** A rule that suggests a direction when an earlier answer contains a choice id. */
export const suggestionSchema = z.object({
  if: z.object({ answer: z.string(), includes: z.string() }).optional(),
  key: i18nKey,
});

export const message = defineStepKind({
  kind: 'message',
  schema: z.object({
    kind: z.literal('message'),
    ...commonFields,
    /**
     * Shown instead of `text` when nobody can receive a hand-off now (see
     * `EngineContext.verbinderAvailable`): a step that hands off must not promise a call.
     */
    noVerbinderText: i18nKey.optional(),
    /** Up to `max` suggestions whose rule matches, in order; rules without `if` always match. */
    suggestions: z
      .object({
        rules: z.array(suggestionSchema).min(1),
        max: z.number().int().min(1),
        /** The chosen suggestion keys are kept with the run's answers under this name. */
        save: id.default('directions'),
      })
      .optional(),
  }),
  show(step, { params, answers, verbinderAvailable }) {
    let keep: Record<string, AnswerValue> | undefined;
    if (step.suggestions) {
      const matching = step.suggestions.rules.filter((rule) => {
        if (!rule.if) return true;
        return [answers[rule.if.answer]].flat().map(String).includes(rule.if.includes);
      });
      const chosen = matching.slice(0, step.suggestions.max).map((rule) => rule.key);
      keep = { [step.suggestions.save]: chosen };
      params = { ...params, suggestions: { list: chosen.map((key) => ({ key })) } };
    }
    const shown =
      step.noVerbinderText && !verbinderAvailable
        ? { key: step.noVerbinderText, params: { ...params, ...noVerbinderParams } }
        : { key: step.text, params };
    return keep ? { ...shown, keep } : shown;
  },
  keys(step) {
    return [
      ...(step.noVerbinderText ? [step.noVerbinderText] : []),
      ...(step.suggestions?.rules.map((rule) => rule.key) ?? []),
    ];
  },
});
