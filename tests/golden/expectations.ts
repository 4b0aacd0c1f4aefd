/**
 * What each golden conversation must leave in the database, asserted after replaying it.
 */
import { expect } from 'vitest';
import type { PrismaClient } from '../../src/store/prisma-client.js';

type Expectation = (prisma: PrismaClient, channel: string, userId: string) => Promise<void>;

async function contactOf(prisma: PrismaClient, channel: string, userId: string) {
  const identity = await prisma.channelIdentity.findUnique({
    where: { channel_externalId: { channel, externalId: userId } },
    include: {
      contact: {
        include: {
          talentProfiles: true,
          consents: true,
          handoffs: true,
          scheduled: { orderBy: { dueAt: 'asc' } },
          // In the order given: rows written by several processes come back in any order.
          answers: { orderBy: { answeredAt: 'asc' } },
        },
      },
    },
  });
  expect(identity, 'a contact exists after consent').not.toBeNull();
  return identity!.contact;
}

/**
 * The scan's check-up, `days` (least and most: a month has 28 to 31) after the scan, at 10:00
 * in Amsterdam moved into the allowed hours. On the tests' pinned clock (2 March 2026) the exact moment; where a conversation is
 * replayed by real processes on the real clock, the same delay counted from when the scan was
 * completed.
 */
function expectCheckUp(
  contact: Awaited<ReturnType<typeof contactOf>>,
  days: readonly [least: number, most: number],
  onPinnedClock: Date,
): void {
  expect(contact.scheduled).toMatchObject([{ kind: 'scanCheckUp', state: 'pending' }]);
  const due = contact.scheduled[0]!.dueAt;
  const completed = contact.talentProfiles[0]!.completedAt;
  if (completed.toISOString().startsWith('2026-03-02')) {
    expect(due).toEqual(onPinnedClock);
  } else {
    const after = (due.getTime() - completed.getTime()) / (24 * 60 * 60 * 1000);
    // A day either way for the hour of 10:00, two more for a weekend moved to Monday.
    expect(after).toBeGreaterThan(days[0] - 1);
    expect(after).toBeLessThan(days[1] + 3);
  }
}

const declined: Expectation = async (prisma, channel, userId) => {
  const identity = await prisma.channelIdentity.findUnique({
    where: { channel_externalId: { channel, externalId: userId } },
  });
  expect(identity).toBeNull();
  expect(await prisma.contact.count({ where: { identities: { none: {} } } })).toBe(0);
  const { identityKey } = await import('../../src/conversations/identity-key.js');
  expect(
    await prisma.conversation.findUnique({ where: { identityKey: identityKey(channel, userId) } }),
  ).toBeNull();
};

/** The number a resident typed to be called on, kept as a contact detail (E.164). */
const phoneNumbers: Record<string, string> = {
  ar: '+31612345678',
  pl: '+48512345678',
  tr: '+905321234567',
  uk: '+380671234567',
};

function signUpExpectation(
  expected: Record<string, unknown>,
  phone: string | null = null,
): Expectation {
  return async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    const details = await prisma.contactDetail.findMany({ where: { contactId: contact.id } });
    expect(details).toMatchObject(
      phone ? [{ kind: 'phone', value: phone, purpose: 'callBack' }] : [],
    );
    const signUps = await prisma.signUp.findMany({ where: { contactId: contact.id } });
    expect(signUps).toMatchObject([
      { status: 'open', matchKind: null, matchedAt: null, ...expected },
    ]);
    expect(contact.handoffs).toMatchObject([
      { reason: 'wij_match_signup', status: 'open', wijk: expected['wijk'] },
    ]);
  };
}

const indicators = [
  'ontmoeting.kennen',
  'meedoen.actief',
  'zingeving.bijdrage',
  'zingeving.nieuw',
  'zelfredzaamheid.vraag',
  'zelfredzaamheid.steun',
  'thuisgevoel.thuis',
  'zingeving.verhaal',
  'inzetVoorElkaar.rimpel',
];

/** Check-in answers in order, each stored with its indicator code. */
function checkInExpectation(values: unknown[]): Expectation {
  return async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    const answers = contact.answers
      .filter((a) => a.flowId === 'checkIn' && a.indicator)
      .sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
    expect(answers.map((a) => [a.indicator, a.value])).toEqual(
      indicators.map((code, i) => [code, values[i]]),
    );
    expect(contact.handoffs).toEqual([]);
  };
}

const scanIn =
  (language: string, energy: string): Expectation =>
  async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    expect(contact.language).toBe(language);
    expect(contact.talentProfiles).toMatchObject([
      {
        energy,
        interests: ['cooking', 'garden'],
        time: 'fewHours',
        mobility: 'wijk',
        dutchComfort: 3,
        wijk: 'stratum',
        contactWish: false,
      },
    ]);
  };

/** The same conversations in Arabic, Turkish, Polish and Ukrainian (see the transcripts). */
const otherLanguages: Record<string, { energy: string; brought: string; ripple: string }> = {
  ar: {
    energy: 'من الطبخ ومساعدة الناس',
    brought: 'تعرفت على جيراني',
    ripple: 'نعم، أحضرت جارتي إلى المقهى',
  },
  tr: {
    energy: 'Yemek yapmaktan ve insanlara yardım etmekten',
    brought: 'Komşularımı tanıdım',
    ripple: 'Evet, komşumu da getirdim',
  },
  pl: {
    energy: 'Z gotowania i pomagania ludziom',
    brought: 'Poznałam sąsiadów',
    ripple: 'Tak, przyprowadziłam sąsiadkę',
  },
  uk: {
    energy: 'Від готування і допомоги людям',
    brought: 'Я познайомилася з сусідами',
    ripple: 'Так, я привела сусідку',
  },
};

const inOtherLanguages: Record<string, Expectation> = Object.fromEntries(
  Object.entries(otherLanguages).flatMap(([language, t]) => [
    [`talentenscan-happy.${language}.txt`, scanIn(language, t.energy)],
    [
      `wij-match-happy.${language}.txt`,
      signUpExpectation({
        kind: 'offer',
        category: 'garden',
        availability: ['mornings', 'weekend'],
        mobility: 'wijk',
        wijk: 'stratum',
        contactPreference: 'chat',
      }),
    ],
    [
      `check-in-happy.${language}.txt`,
      checkInExpectation([5, 4, 5, 3, 4, 5, 5, t.brought, t.ripple]),
    ],
  ]),
);

/** Bad input in the other languages ends in the same sign-up, check-in and scan. */
const badInputInOtherLanguages: Record<string, Expectation> = Object.fromEntries(
  Object.entries(otherLanguages).flatMap(([language, t]) => [
    [
      `wij-match-bad-input.${language}.txt`,
      signUpExpectation(
        {
          kind: 'both',
          category: 'garden',
          availability: ['mornings', 'weekend'],
          mobility: 'street',
          wijk: 'stratum',
          contactPreference: 'phone',
        },
        phoneNumbers[language],
      ),
    ],
    // "I don't know" is kept as such, not as a score; wrong answers are not kept at all.
    [
      `check-in-bad-input.${language}.txt`,
      checkInExpectation(['dontKnow', 4, 4, 4, 4, 4, 5, t.brought, t.ripple]),
    ],
  ]),
);

/** First contact and the menu: consent for registration only, then STOP; no wrong answer kept. */
const onboarding =
  (language: string): Expectation =>
  async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    expect(contact).toMatchObject({ language, status: 'stopped' });
    expect(contact.consents.map((c) => [c.purpose, c.granted])).toEqual([['registration', true]]);
    expect(contact.answers.map((a) => a.value)).not.toContain('17');
    expect(contact.handoffs).toEqual([]);
  };

export const databaseExpectations: Record<string, Expectation> = {
  ...inOtherLanguages,
  ...badInputInOtherLanguages,
  ...Object.fromEntries(
    ['nl', 'en', 'ar', 'tr', 'pl', 'uk'].map((l) => [
      `onboarding-bad-input.${l}.txt`,
      onboarding(l),
    ]),
  ),
  'offers-and-leaving.nl.txt': async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    expect(contact.handoffs).toMatchObject([{ reason: 'care_loneliness', status: 'open' }]);
    // The answer that told of loneliness is kept as the answer it was.
    expect(contact.answers.map((a) => [a.flowId, a.name, a.value])).toEqual(
      expect.arrayContaining([
        ['talentenscan', 'energy', 'Van muziek maken'],
        ['wijMatch', 'description', 'Ik help graag in de tuin.'],
        ['wijMatch', 'helperGain', 'Ik voel me vaak eenzaam, dan heb ik iets omhanden.'],
        ['wijMatch', 'availability', ['mornings', 'weekend']],
      ]),
    );
  },
  'talentenscan-bad-input.pl.txt': scanIn('pl', otherLanguages['pl']!.energy),
  'talentenscan-bad-input.uk.txt': scanIn('uk', otherLanguages['uk']!.energy),
  'talentenscan-bad-input.ar.txt': scanIn('ar', otherLanguages['ar']!.energy),
  'talentenscan-bad-input.tr.txt': scanIn('tr', otherLanguages['tr']!.energy),
  'language-switch.txt': async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    expect(contact.language).toBe('ar');
    const scan = contact.answers.filter((a) => a.flowId === 'talentenscan');
    expect(scan.map((a) => [a.name, a.value])).toEqual([
      ['energy', 'Van koken'],
      ['skills', 'I can sew'],
      ['interests', ['cooking', 'garden']],
    ]);
    expect(new Set(scan.map((a) => a.runId)).size).toBe(1);
  },
  'wij-match-happy.nl.txt': signUpExpectation({
    kind: 'offer',
    category: 'garden',
    description: 'Ik help graag een oudere buur met de tuin, ik heb zelf gereedschap.',
    helperGain: 'Even buiten zijn en nieuwe mensen leren kennen.',
    availability: ['mornings', 'weekend'],
    mobility: 'wijk',
    wijk: 'stratum',
    contactPreference: 'chat',
    correction: 'Liever op zaterdag dan op zondag.',
  }),
  'wij-match-happy.en.txt': signUpExpectation({
    kind: 'request',
    category: 'language',
    availability: ['evenings'],
    mobility: 'home',
    wijk: 'unknown',
    contactPreference: 'chat',
    correction: null,
  }),
  'wij-match-bad-input.nl.txt': signUpExpectation({
    kind: 'both',
    category: 'oddJobs',
    description: 'Een lamp ophangen en een kast in elkaar zetten.',
    availability: ['flexible'],
    mobility: 'street',
    wijk: 'centrum',
    contactPreference: 'visit',
  }),
  'wij-match-bad-input.en.txt': signUpExpectation({
    kind: 'both',
    category: 'cooking',
    helperGain: 'x',
    availability: ['weekend'],
    mobility: 'city',
    wijk: 'tongelre',
    contactPreference: 'visit',
  }),
  'check-in-happy.nl.txt': checkInExpectation([
    5,
    4,
    5,
    3,
    4,
    5,
    5,
    'Ik heb veel nieuwe mensen leren kennen bij het taalcafé, en ik merk dat ik goed les kan geven.',
    'Ja, mijn buurvrouw gaat nu ook mee naar het taalcafé.',
  ]),
  'check-in-happy.en.txt': checkInExpectation([
    4,
    3,
    4,
    2,
    3,
    4,
    5,
    'More friends in the neighbourhood.',
    'I brought my neighbour to the coffee morning.',
  ]),
  'check-in-bad-input.nl.txt': checkInExpectation([
    4,
    3,
    3,
    3,
    3,
    3,
    4,
    'Rust en gezelligheid.',
    'Nee, nog niet.',
  ]),
  'check-in-bad-input.en.txt': checkInExpectation([4, 4, 4, 4, 4, 4, 4, 'Confidence.', 'Not yet.']),

  'consent-declined.nl.txt': declined,
  'consent-declined.en.txt': declined,

  'talentenscan-happy.nl.txt': async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    expect(contact).toMatchObject({ language: 'nl', wijk: 'woensel-zuidwest', status: 'active' });
    expect(contact.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'registration', textVersion: 1, granted: true }),
        expect.objectContaining({ purpose: 'monitoring', textVersion: 1, granted: true }),
      ]),
    );
    expect(contact.talentProfiles).toMatchObject([
      {
        energy: 'Van wandelen in de natuur en van koken voor vrienden.',
        interests: ['cooking', 'garden', 'care'],
        time: 'fewHours',
        mobility: 'wijk',
        dutchComfort: 3,
        wijk: 'woensel-zuidwest',
        contactWish: true,
        directions: [
          'talentenscan.directions.cooking',
          'talentenscan.directions.garden',
          'talentenscan.directions.care',
        ],
      },
    ]);
    expect(contact.handoffs).toMatchObject([
      { reason: 'scan_contact_wish', status: 'open', wijk: 'woensel-zuidwest' },
    ]);
    expect(contact.answers.filter((a) => a.flowId === 'talentenscan')).toHaveLength(12);
    // "over twee weken": the check-up on Monday 16 March at 10:00 in Amsterdam (CET).
    expect(contact.scheduled).toMatchObject([{ channel }]);
    expectCheckUp(contact, [14, 14], new Date('2026-03-16T09:00:00Z'));
  },

  'talentenscan-happy.en.txt': async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    expect(contact).toMatchObject({ language: 'en', wijk: 'woensel-zuidwest' });
    expect(contact.talentProfiles).toMatchObject([
      {
        interests: ['creative', 'digital'],
        correction: 'I also like music a lot.',
        contactWish: false,
        dutchComfort: 5,
      },
    ]);
    expect(contact.handoffs).toEqual([]);
  },

  'talentenscan-bad-input.nl.txt': async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    expect(contact.talentProfiles).toMatchObject([
      {
        energy: 'Ik krijg energie van muziek maken.',
        skills: 'Gitaar spelen en liedjes schrijven.',
        interests: ['music'],
        time: 'dayPart',
        mobility: 'home',
        dutchComfort: 2,
        wijk: 'stratum',
        contactWish: false,
      },
    ]);
    // "een maand" from 2 March: 2 April at 10:00 in Amsterdam, summer time by then (CEST).
    expectCheckUp(contact, [28, 31], new Date('2026-04-02T08:00:00Z'));
    // Wrong answers are never stored as answers.
    const values = contact.answers.map((a) => a.value);
    expect(values).toContain('month');
    expect(values).not.toContain('volgend jaar');
    expect(values).not.toContain('99');
    expect(values).not.toContain('blabla');
  },

  'talentenscan-bad-input.en.txt': async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    expect(contact.talentProfiles).toMatchObject([
      {
        energy: 'Cooking for my family.',
        interests: ['cooking'],
        time: 'dayPart',
        wijk: 'centrum',
      },
    ]);
    expect(contact.handoffs).toMatchObject([{ reason: 'scan_contact_wish' }]);
  },

  'talentenscan-pause-resume.nl.txt': async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    expect(contact.talentProfiles).toMatchObject([
      { energy: 'Van mensen helpen.', skills: 'Ik ben goed in luisteren.', interests: ['care'] },
    ]);
    // Paused twice and resumed: still one run of the scan, every answer kept once.
    const scan = contact.answers.filter((a) => a.flowId === 'talentenscan');
    expect(new Set(scan.map((a) => a.runId)).size).toBe(1);
    expect(scan.map((a) => a.name)).toEqual([
      'energy',
      'skills',
      'interests',
      'forOthers',
      'ownWish',
      'time',
      'mobility',
      'dutchComfort',
      'wijk',
      'confirm',
      'contactWish',
      'checkUp',
    ]);
    // "nee": no check-up.
    expect(contact.scheduled).toEqual([]);
  },

  'talentenscan-pause-resume.en.txt': async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    expect(contact.talentProfiles).toMatchObject([
      {
        energy: 'Being with friends.',
        skills: 'Listening.',
        interests: ['care', 'organising'],
        wijk: 'centrum',
      },
    ]);
  },
};
