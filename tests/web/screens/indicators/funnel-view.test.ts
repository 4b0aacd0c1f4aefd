import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../../../src/flows/definitions/index.js';
import { parseFlow } from '../../../../src/flows/spec.js';
import {
  funnelQuestionnaires,
  funnelViews,
  mainQuestions,
} from '../../../../src/web/screens/indicators/funnel-view.js';
import { loadLocales } from '../../../../src/i18n/load-locales.js';
import { createTranslator } from '../../../../src/i18n/translator.js';
import { viewContext } from '../render-view.js';

const flows = loadFlows();

describe(mainQuestions.name, () => {
  it('follows each next from the start, leaving out messages and questions only a branch reaches', () => {
    expect(mainQuestions(flows.get('wijMatch')!)).toEqual([
      'kind',
      'category',
      'description',
      'gain',
      'availability',
      'mobility',
      'wijk',
      'contactPreference',
      'confirm',
    ]);
    // The talentenscan's correction is asked only after "no": not a step everyone passes.
    expect(mainQuestions(flows.get('talentenscan')!)).not.toContain('correction');
    expect(mainQuestions(flows.get('talentenscan')!).at(-1)).toBe('checkUp');
  });

  it('stops at a loop instead of running for ever', () => {
    const loop = parseFlow({
      id: 'loop',
      version: 1,
      title: 'menu.title',
      start: 'a',
      steps: {
        a: { kind: 'text', text: 'menu.choose', next: 'b' },
        b: { kind: 'message', text: 'menu.choose', next: 'a' },
      },
    });
    expect(mainQuestions(loop)).toEqual(['a']);
  });
});

describe(funnelQuestionnaires.name, () => {
  it('asks for the questionnaires residents fill in, each finished by its last question', () => {
    expect(funnelQuestionnaires(flows)).toEqual([
      { flowId: 'talentenscan', lastStep: 'checkUp' },
      { flowId: 'wijMatch', lastStep: 'confirm' },
      { flowId: 'checkIn', lastStep: 'confirm' },
      { flowId: 'followUp', lastStep: 'contactWish' },
    ]);
  });
});

describe(funnelViews.name, () => {
  it('names the stages as staff know them: begun, the questions in between, finished', async () => {
    const ctx = await viewContext();
    const translator = await createTranslator(loadLocales(), 'nl');
    const [checkIn] = funnelViews(ctx, translator, flows, [
      {
        flowId: 'checkIn',
        started: 5,
        reached: { know: 5, active: 4, ripple: 2 },
        finished: 1,
        medianSeconds: 90,
      },
    ]);
    expect(checkIn!.title).toBe('Pas op de plaats');
    expect(checkIn!.stages[0]).toEqual({ label: 'Begonnen (eerste vraag beantwoord)', count: 5 });
    expect(checkIn!.stages[1]).toEqual({ label: 'Is actiever in de buurt', count: 4 });
    // A question nobody reached counts nought, not missing.
    expect(checkIn!.stages.find((s) => s.label === 'Heeft nieuwe dingen gedaan')).toEqual({
      label: 'Heeft nieuwe dingen gedaan',
      count: 0,
    });
    expect(checkIn!.stages.at(-1)).toEqual({
      label: 'Afgerond (laatste vraag beantwoord)',
      count: 1,
    });
    // Eight questions between the first and the last, plus begun and finished.
    expect(checkIn!.stages).toHaveLength(10);
  });
});
