import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BloeiError, isBloeiError } from '../../src/errors/bloei-error.js';
import { errorLogFields } from '../../src/errors/error-log-fields.js';
import { FlowRuntimeError } from '../../src/errors/flow-runtime-error.js';
import { WhatsAppSendError } from '../../src/errors/whatsapp-send-error.js';
import { createLogger } from '../../src/logger.js';

class ExampleError extends BloeiError<{ queue: string; attempt: number }> {
  readonly code = 'EXAMPLE_FAILED';
}

describe(BloeiError.name, () => {
  it('carries a stable code, plain context and the standard cause', () => {
    const cause = new RangeError('out of range');
    const error = new ExampleError('could not run', {
      context: { queue: 'follow-ups', attempt: 2 },
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(isBloeiError(error)).toBe(true);
    expect(error.name).toBe('ExampleError');
    expect(error.code).toBe('EXAMPLE_FAILED');
    expect(error.message).toBe('could not run');
    expect(error.context).toEqual({ queue: 'follow-ups', attempt: 2 });
    expect(error.cause).toBe(cause);
    expect(Object.hasOwn(error, 'cause')).toBe(true);
  });

  it('has empty context and no cause when none is given', () => {
    const error = new ExampleError('plain');
    expect(error.context).toEqual({});
    expect(Object.hasOwn(error, 'cause')).toBe(false);
  });

  it('is not confused with a foreign error that happens to have a code', () => {
    expect(isBloeiError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
  });
});

describe(errorLogFields.name, () => {
  it("keeps a Bloei error's name, code, message, context and where it happened", () => {
    const fields = errorLogFields(
      new FlowRuntimeError('unknown flow gone', { context: { flow: 'gone' } }),
    );
    expect(fields).toMatchObject({
      type: 'FlowRuntimeError',
      code: 'FLOW_RUNTIME',
      message: 'unknown flow gone',
      context: { flow: 'gone' },
    });
    expect(fields.frames?.[0]).toMatch(/^at /);
  });

  it("keeps only a foreign error's name and code: its message may quote personal data", () => {
    const foreign = Object.assign(new Error('duplicate key (phone)=(+31612345678)'), {
      code: '23505',
    });
    const fields = errorLogFields(new ExampleError('not stored', { cause: foreign }));
    expect(fields.cause).toMatchObject({ type: 'Error', code: '23505' });
    expect(JSON.stringify(fields)).not.toContain('31612345678');
  });

  it('follows a chain of causes, and a cycle no further than a few links', () => {
    const inner = new ExampleError('inner', { context: { queue: 'a', attempt: 1 } });
    const outer = new ExampleError('outer', { cause: inner });
    expect(errorLogFields(outer).cause).toMatchObject({ code: 'EXAMPLE_FAILED', message: 'inner' });
    const looped = new ExampleError('looped');
    Object.defineProperty(looped, 'cause', { value: looped });
    let depth = 0;
    for (let f = errorLogFields(looped); f.cause; f = f.cause) depth += 1;
    expect(depth).toBe(5);
  });

  it('describes a thrown value that is no error by its type', () => {
    expect(errorLogFields('boom')).toEqual({ type: 'string' });
    expect(errorLogFields(null)).toEqual({ type: 'null' });
  });

  it('scrubs WhatsApp ids from a refused send and keeps the library error out of the log', () => {
    const error = new WhatsAppSendError('rejected', new TypeError('chat 31612345678@c.us gone'));
    expect(error.message).not.toContain('31612345678');
    expect(error.context).toEqual({ reason: 'rejected', causeType: 'TypeError' });
    expect(JSON.stringify(errorLogFields(error))).not.toContain('31612345678');
  });
});

describe('the logger', () => {
  function capture() {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    return { lines, logger: createLogger('info', sink) };
  }

  it('logs an error under err with its code and context', () => {
    const { lines, logger } = capture();
    const error = new ExampleError('could not run', { context: { queue: 'alerts', attempt: 3 } });
    logger.error({ err: error }, 'job failed');
    const logged = JSON.parse(lines.join('')) as { err: Record<string, unknown>; msg: string };
    expect(logged.msg).toBe('job failed');
    expect(logged.err).toMatchObject({
      type: 'ExampleError',
      code: 'EXAMPLE_FAILED',
      context: { queue: 'alerts', attempt: 3 },
    });
  });

  it("logs a foreign error's name and code, not its message", () => {
    const { lines, logger } = capture();
    logger.warn({ error: new Error('insert failed for Henk de Vries') }, 'not stored');
    const log = lines.join('');
    expect(JSON.parse(log)).toMatchObject({ error: { type: 'Error' } });
    expect(log).not.toContain('Henk');
  });

  it('leaves an error already written as text as it is', () => {
    const { lines, logger } = capture();
    logger.warn({ err: 'ECONNREFUSED' }, 'redis down');
    expect(JSON.parse(lines.join(''))).toMatchObject({ err: 'ECONNREFUSED' });
  });
});
