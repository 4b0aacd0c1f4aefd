/** Polls `condition` until it holds; fails, naming `what`, once `deadline()` has passed. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  deadline: () => number,
  what: () => string,
): Promise<void> {
  while (!(await condition())) {
    if (Date.now() > deadline()) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A deadline `ms` from now. */
export const within = (ms: number) => {
  const at = Date.now() + ms;
  return () => at;
};
