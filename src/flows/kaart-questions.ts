/**
 * Questions about the sociale kaart (a question's `kaart` field) and the choice of an offer
 * (`offerChosen`, `actions/offer-chosen.ts`). When such a question is reached, what it offers is worked out once and kept
 * in the run — the offers under `offered`, the interests under `offerInterests` — so the
 * numbered choices a resident sees stay the same until they answer, even when the kaart is
 * refreshed meanwhile or the question is paused and asked again days later. When there is
 * nothing to offer (no kaart, nothing that fits), the flow goes on elsewhere, never to a dead
 * end.
 */
import type { MessageParam } from './events.js';
import type { KaartLookup, NearbyQuery, OfferCard, ScanProfile } from './kaart-lookup.js';
import { offerCardMessage, offerList } from './offer-messages.js';
import type { QuestionStep, Step } from './spec.js';
import type { AnswerValue, Run } from './state.js';
import type { ChoiceSets } from './step-view.js';
import type { TurnOps } from './turn-ops.js';

/** Where a run keeps the offers it showed, and the interests it offered to browse by. */
export const offeredAnswer = 'offered';
export const offerInterestsAnswer = 'offerInterests';
/** Where `offerChosen` keeps the chosen offer's name, for the hand-off that may follow. */
export const offerNameAnswer = 'offerName';

type KaartAsk = NonNullable<QuestionStep['kaart']>['ask'];

/** Keys said by this file, for `flows:check`. */
export const kaartQuestionKeys: readonly string[] = ['kaart.gone'];

/**
 * For the step `run` has just reached: when it is a question about the kaart with nothing to
 * ask, where to go instead; null when it is to be asked (what it offers is then kept in the
 * run) or is no such question.
 */
export function skipKaartQuestion(turn: TurnOps, run: Run, step: Step): string | null {
  if (step.kind === 'message' || !step.kaart) return null;
  return prepare(turn, run, step, step.kaart.ask) ? null : step.kaart.otherwise;
}

function prepare(turn: TurnOps, run: Run, step: QuestionStep, ask: KaartAsk): boolean {
  const kaart = turn.ctx.kaart;
  if (!kaart) return false;
  const { now } = turn.ctx;
  const query = nearbyQuery(kaart, run, turn.state.language);
  switch (ask) {
    case 'wijk': {
      const known = knownWijk(kaart.residentWijk);
      if (known === null) return true;
      run.answers[step.save ?? run.step] = known;
      return false;
    }
    case 'interests': {
      const interests = kaart.interestsNearby(query, now);
      run.answers[offerInterestsAnswer] = interests;
      return interests.length > 0;
    }
    case 'scan':
      return offer(run, kaart.forScan(scanProfile(run.answers, turn.state.language), now));
    case 'interest': {
      const interest = run.answers['interest'];
      if (typeof interest !== 'string') return false;
      return offer(run, kaart.nearby(query, interest, now));
    }
  }
}

/** The choice sets of `run`: the host's, plus the offers and interests the run keeps. */
export function kaartChoiceSets(turn: TurnOps, run: Run | null, base: ChoiceSets): ChoiceSets {
  const offered = run?.answers[offeredAnswer];
  const interests = run?.answers[offerInterestsAnswer];
  if (!Array.isArray(offered) && !Array.isArray(interests)) return base;
  const sets: ChoiceSets = { ...base };
  if (Array.isArray(offered)) {
    sets.offers = shownOffers(turn, offered).map((card) => ({ id: card.id, name: card.name }));
  }
  if (Array.isArray(interests)) {
    sets.offerInterests = interests.map((id) => ({
      id,
      name: id,
      key: `talentenscan.interest.${id}`,
    }));
  }
  return sets;
}

/** The `offers` parameter of a question that shows offers: one line each. */
export function kaartParams(turn: TurnOps, run: Run, step: Step): Record<string, MessageParam> {
  if (!('choicesFrom' in step) || step.choicesFrom !== 'offers') return {};
  const offered = run.answers[offeredAnswer];
  return { offers: offerList(Array.isArray(offered) ? shownOffers(turn, offered) : []) };
}

/**
 * The `offerChosen` action: records the choice, sends the offer's card and keeps its name for
 * a hand-off in the same step. An offer taken off the kaart since it was shown is said to be
 * gone; a hand-off after it still reaches a verbinder, who can help find another.
 */
export function offerChosen(
  turn: TurnOps,
  run: Run,
  action: { answer: string; as: 'go' | 'details' },
): void {
  const id = run.answers[action.answer];
  const card =
    typeof id === 'string'
      ? (turn.ctx.kaart?.offer(id, turn.state.language, turn.ctx.now) ?? null)
      : null;
  if (!card) return turn.say('kaart.gone');
  turn.emit({ type: 'offer_chosen', offerId: card.id, action: action.as });
  turn.emit({ type: 'message', message: offerCardMessage(card) });
  run.answers[offerNameAnswer] = card.name;
}

function offer(run: Run, cards: readonly OfferCard[]): boolean {
  run.answers[offeredAnswer] = cards.map((card) => card.id);
  return cards.length > 0;
}

function shownOffers(turn: TurnOps, ids: readonly string[]): OfferCard[] {
  const { kaart, now } = turn.ctx;
  if (!kaart) return [];
  return ids.flatMap((id) => kaart.offer(id, turn.state.language, now) ?? []);
}

function knownWijk(wijk: string | null | undefined): string | null {
  return wijk && wijk !== 'unknown' ? wijk : null;
}

/** The wijk this run was told, or else the one Bloei knew already. */
function nearbyQuery(kaart: KaartLookup, run: Run, language: string): NearbyQuery {
  const told = run.answers['wijk'];
  const wijk = knownWijk(typeof told === 'string' ? told : null) ?? knownWijk(kaart.residentWijk);
  return { wijk, language };
}

/** A talentenscan's answers (interests, time, mobility, dutchComfort, wijk, access). */
export function scanProfile(answers: Record<string, AnswerValue>, language: string): ScanProfile {
  const one = (name: string) => {
    const value = answers[name];
    return typeof value === 'string' ? value : null;
  };
  const many = (name: string) => [answers[name] ?? []].flat().map(String);
  const comfort = answers['dutchComfort'];
  const access = many('access');
  return {
    interests: many('interests'),
    time: one('time'),
    mobility: one('mobility'),
    dutchComfort: typeof comfort === 'number' ? comfort : null,
    wijk: one('wijk'),
    language,
    needs: { wheelchair: access.includes('wheelchair'), busStop: access.includes('busStop') },
  };
}
