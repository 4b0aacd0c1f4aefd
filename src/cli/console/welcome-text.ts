/**
 * The first screen of the console chat: what to type, how to play the verbinder, where the
 * logs went (they never appear between chat messages) and how to stop.
 */
export function welcomeText(input: {
  logFile: string;
  /** The demo verbinder's name; absent on a database that has none. */
  verbinder: string | undefined;
  /** Why scheduled jobs are off, when they are. */
  jobsOff?: string;
}): string {
  const lines = [
    'Bloei is running. You are a resident (inwoner) chatting with Bloei: type hallo.',
    '',
  ];
  if (input.verbinder) {
    lines.push(
      `  /verbinder   play ${input.verbinder}, the verbinder who gets your hand-offs`,
      "               ('open', 'pak 1' to take #1, 'sluit 1' to close it)",
      '  /inwoner     back to the resident',
    );
  } else {
    lines.push('  /verbinder   (no demo verbinder: it is added on the embedded database only)');
  }
  lines.push(
    '  Ctrl+C       stop Bloei',
    '',
    'A tour: do the talentenscan, answer yes to contact at the end, then /verbinder, pak 1,',
    'sluit 1, /inwoner. The README has the five-minute version.',
    `Logs go to ${input.logFile}, not to this screen.`,
  );
  if (input.jobsOff) lines.push(input.jobsOff);
  return lines.join('\n');
}
