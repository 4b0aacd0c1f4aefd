/**
 * The participation ladder (participatieladder) as data: six steps from isolated at home to
 * paid work. WIJeindhoven's own poster may word them differently: change the labels in the
 * locales (`followUp.ladder.<step>`), not the steps, so answers stay comparable over time.
 */
export const participationLadder = [
  { step: 1, code: 'isolated' },
  { step: 2, code: 'socialContacts' },
  { step: 3, code: 'organisedActivities' },
  { step: 4, code: 'unpaidWork' },
  { step: 5, code: 'supportedPaidWork' },
  { step: 6, code: 'paidWork' },
] as const;

export const ladderChoices = participationLadder.map(({ step }) => ({
  id: String(step),
  label: `followUp.ladder.${step}`,
}));
