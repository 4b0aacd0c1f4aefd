import { describe, expect, it } from 'vitest';
import { KeyboardTracker } from '../../../src/bots/telegram/keyboard-tracker.js';

describe(KeyboardTracker.name, () => {
  it('hands out the open keyboard of a chat once', () => {
    const tracker = new KeyboardTracker();
    tracker.remember('42', 7);
    tracker.remember('42', 9);
    expect(tracker.take('42')).toBe(9);
    expect(tracker.take('42')).toBeUndefined();
  });

  it('forgets a keyboard that was used, but not a newer one', () => {
    const tracker = new KeyboardTracker();
    tracker.remember('42', 9);
    tracker.forget('42', 7);
    expect(tracker.take('42')).toBe(9);
    tracker.remember('42', 11);
    tracker.forget('42', 11);
    expect(tracker.take('42')).toBeUndefined();
  });

  it('keeps only the most recent chats', () => {
    const tracker = new KeyboardTracker(2);
    tracker.remember('a', 1);
    tracker.remember('b', 2);
    tracker.remember('a', 3);
    tracker.remember('c', 4);
    expect(tracker.size).toBe(2);
    expect(tracker.take('b')).toBeUndefined();
    expect(tracker.take('a')).toBe(3);
  });
});
