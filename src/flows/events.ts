/**
 * What the engine emits. The engine decides; the host applies these events (persist, send,
 * alert) in one transaction. Nothing here performs I/O.
 */
import type {
  ConsentPurpose,
  ContactDetailKind,
  ContactDetailPurpose,
  ContactField,
  HandoffReason,
  RecordKind,
  ScheduleKind,
} from './actions/index.js';
import type { AnswerValue, MediaRef } from './state.js';
import type { QuestionKindName } from './steps/index.js';

/**
 * A value inside a message: literal text, a translatable key (with values of its own, e.g. a
 * card's "Waar: {{value}}" line), or a list of these.
 */
export type MessageParam =
  | { text: string }
  | { key: string; params?: Record<string, MessageParam> }
  | { list: MessageParam[] };

export interface BotMessage {
  key: string;
  params: Record<string, MessageParam>;
  /** Numbered choices, rendered as buttons or numbered lines by the channel. */
  choices?: { id: string; label: { key: string } | { text: string } }[];
  /** Names the question the choices belong to (see `questionRef`). */
  ref?: string;
}

export type EngineEvent =
  | { type: 'message'; message: BotMessage }
  | { type: 'flow_started'; flow: string; runId: string }
  | { type: 'flow_paused'; flow: string; runId: string }
  | { type: 'flow_resumed'; flow: string; runId: string }
  | { type: 'flow_ended'; flow: string; runId: string }
  | {
      type: 'answer_saved';
      runId: string;
      flow: string;
      flowVersion: number;
      step: string;
      name: string;
      value: AnswerValue;
      indicator: string | null;
    }
  | { type: 'invalid_answer'; flow: string; step: string; attempt: number; reason: InvalidReason }
  | { type: 'contact_field_set'; field: ContactField; value: string }
  | { type: 'consent_given'; purpose: ConsentPurpose; textVersion: number }
  /**
   * The resident gave a way to reach them (a phone number to be called on) for `purpose`:
   * the host keeps it as a contact detail. Personal data: never logged.
   */
  | {
      type: 'contact_detail_given';
      kind: ContactDetailKind;
      value: string;
      purpose: ContactDetailPurpose;
    }
  | {
      type: 'handoff_requested';
      reason: HandoffReason;
      urgency: 'normal' | 'urgent';
      flow: string | null;
      answers: Record<string, AnswerValue>;
      /**
       * Media the resident sent that the verbinder should get with this hand-off (a voice
       * note, a photo): the host attaches the inbound messages these refs name.
       */
      media?: MediaRef[];
    }
  /**
   * The resident sent a voice note or photo while a verbinder handles their hand-off (or an
   * urgent one waits): the host passes it on to that verbinder. Bloei does not look at it.
   */
  | { type: 'media_forwarded'; media: MediaRef }
  /**
   * What the resident wrote (or the media they sent) while a verbinder talks with them: the
   * host passes it on to the verbinder who claimed the hand-off, and keeps it with it.
   */
  | { type: 'relayed'; text: string; media?: undefined }
  | { type: 'relayed'; text?: undefined; media: MediaRef }
  | {
      type: 'record_completed';
      record: RecordKind;
      runId: string;
      flow: string;
      answers: Record<string, AnswerValue>;
    }
  /**
   * The resident asked to be asked again later: the host schedules a `kind` message (its
   * flow) `after` an ISO 8601 duration from now, once per run.
   */
  | { type: 'message_scheduled'; kind: ScheduleKind; after: string; runId: string }
  /**
   * The resident chose an offer of the sociale kaart: to go there with a verbinder, or to
   * get its details. The host records it (what residents chose is an indicator).
   */
  | { type: 'offer_chosen'; offerId: string; action: 'go' | 'details' }
  /** The resident said STOP: no more messages until they write again. */
  | { type: 'stopped' }
  /** Consent declined (or STOP before consent): keep nothing about this conversation. */
  | { type: 'forget' }
  /** The resident asked what Bloei keeps about them. */
  | { type: 'data_requested' }
  /** The resident confirmed "forget me": erase everything about them. */
  | { type: 'erase' };

/** Why an answer was not taken: the question's kind (its answer was not understood), or … */
export type InvalidReason =
  | QuestionKindName
  | 'media'
  | 'command'
  /** A button of an earlier question was tapped. */
  | 'stale'
  /** The answer fits several choices; the resident is asked which one. */
  | 'ambiguous';

export type EventOf<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;
