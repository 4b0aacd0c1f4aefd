/**
 * Structured logs (pino) to stderr, so the scripted simulator's stdout carries only the
 * conversation. Fields that could hold a message body, a name or a phone number are
 * redacted; a hashed conversation id is enough to trace.
 */
import { pino } from 'pino';
import type { Logger } from './conversations/ports.js';

export const redactedFields = [
  'text',
  'body',
  'name',
  'firstName',
  'displayName',
  'phone',
  'userId',
  'externalId',
  '*.text',
  '*.body',
  '*.userId',
  '*.phone',
];

export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino({ level, redact: { paths: redactedFields, censor: '[redacted]' } }, destination);
}
