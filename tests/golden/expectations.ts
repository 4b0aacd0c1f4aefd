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
        include: { talentProfiles: true, consents: true, handoffs: true, answers: true },
      },
    },
  });
  expect(identity, 'a contact exists after consent').not.toBeNull();
  return identity!.contact;
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

export const databaseExpectations: Record<string, Expectation> = {
  'consent-declined.nl.txt': declined,
  'consent-declined.en.txt': declined,

  'talentenscan-happy.nl.txt': async (prisma, channel, userId) => {
    const contact = await contactOf(prisma, channel, userId);
    expect(contact).toMatchObject({ language: 'nl', wijk: 'woensel-zuidwest', status: 'active' });
    expect(contact.consents).toMatchObject([
      { purpose: 'registration', textVersion: 1, granted: true },
    ]);
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
    expect(contact.answers.filter((a) => a.flowId === 'talentenscan')).toHaveLength(11);
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
    // Wrong answers are never stored as answers.
    const values = contact.answers.map((a) => a.value);
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
    ]);
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
