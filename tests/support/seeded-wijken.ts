/** The wijken the migrations seed, for engine tests that run without a database. */
export const seededWijken = [
  { id: 'centrum', name: 'Centrum' },
  { id: 'gestel', name: 'Gestel' },
  { id: 'stratum', name: 'Stratum' },
  { id: 'strijp-meerhoven', name: 'Strijp / Meerhoven' },
  { id: 'tongelre', name: 'Tongelre' },
  { id: 'woensel-zuidwest', name: 'Woensel-Zuidwest' },
  { id: 'woensel-noord', name: 'Woensel-Noord / Ontginning' },
];
