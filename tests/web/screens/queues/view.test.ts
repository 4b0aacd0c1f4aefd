import { describe, expect, it } from 'vitest';
import { QueuesUnavailable } from '../../../../src/web/screens/queues/view.js';
import { render, textOf, viewContext } from '../render-view.js';

describe(QueuesUnavailable.name, () => {
  it('explains in words why there are no queues to show', async () => {
    const page = await render(
      QueuesUnavailable({ ctx: await viewContext({ role: 'coordinator', language: 'en' }) }),
    );
    expect(textOf(page)).toBe(
      'There are no queues to show. This dashboard runs without Redis, and without Redis Bloei schedules no jobs.',
    );
  });
});
