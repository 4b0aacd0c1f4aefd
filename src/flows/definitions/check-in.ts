/**
 * Pas-op-de-plaats check-in: a short reflection on what Buurt in Bloei brought a resident,
 * one statement per Movisie subgoal on the five-point agree scale (Badhuis-style "Door Buurt
 * in Bloei …"), two open story questions (what it brought; the ripple effect), and a summary
 * the resident confirms. Ten questions at most: over-asking is a known pitfall.
 */
import type { FlowInput } from '../spec.js';

const agree = [1, 2, 3, 4, 5].map((n) => `common.agree.${n}`);

const statement = (id: string, indicator: string, next: string) => ({
  kind: 'scale' as const,
  text: `checkIn.statements.${id}`,
  labels: agree,
  indicator,
  next,
});

export const checkIn = {
  id: 'checkIn',
  version: 1,
  title: 'checkIn.title',
  start: 'intro',
  pausable: true,
  steps: {
    intro: { kind: 'message', text: 'checkIn.intro', next: 'know' },
    know: statement('know', 'ontmoeting.kennen', 'active'),
    active: statement('active', 'meedoen.actief', 'contribute'),
    contribute: statement('contribute', 'zingeving.bijdrage', 'newThings'),
    newThings: statement('newThings', 'zingeving.nieuw', 'askHelp'),
    askHelp: statement('askHelp', 'zelfredzaamheid.vraag', 'supported'),
    supported: statement('supported', 'zelfredzaamheid.steun', 'atHome'),
    atHome: statement('atHome', 'thuisgevoel.thuis', 'brought'),
    brought: {
      kind: 'text',
      text: 'checkIn.brought',
      indicator: 'zingeving.verhaal',
      next: 'ripple',
    },
    ripple: {
      kind: 'text',
      text: 'checkIn.ripple',
      indicator: 'inzetVoorElkaar.rimpel',
      next: 'summary',
    },
    summary: {
      kind: 'message',
      text: 'checkIn.summary',
      params: {
        know: '$know',
        active: '$active',
        contribute: '$contribute',
        newThings: '$newThings',
        askHelp: '$askHelp',
        supported: '$supported',
        atHome: '$atHome',
        brought: '$brought',
        ripple: '$ripple',
      },
      next: 'confirm',
    },
    confirm: {
      kind: 'yesno',
      text: 'checkIn.confirm',
      branches: [{ when: 'no', next: 'correction' }],
      next: 'thanks',
    },
    correction: { kind: 'text', text: 'checkIn.correction', next: 'thanks' },
    thanks: { kind: 'message', text: 'checkIn.thanks', next: 'end' },
  },
} satisfies FlowInput;
