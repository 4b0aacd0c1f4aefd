/**
 * Bloei's errors, one class per file, each with a stable code (see README.md for the list,
 * including the few still defined next to the port or adapter that raises them). Import the
 * class you throw or catch from here; `src/flows` imports the files directly, which keeps it
 * free of anything but the errors it raises.
 */
export { BloeiError, isBloeiError, type ContextValue, type ErrorContext } from './bloei-error.js';
export { errorLogFields, serializeLoggedError, type ErrorLogFields } from './error-log-fields.js';
export { CampaignRefusedError, type CampaignRefusal } from './campaign-refused-error.js';
export { ConfigError } from './config-error.js';
export { FlowDefinitionError } from './flow-definition-error.js';
export { FlowRuntimeError } from './flow-runtime-error.js';
export { InboundStoppedError } from './inbound-stopped-error.js';
export { MediaFetchError } from './media-fetch-error.js';
export { MatchRefused, type MatchRefusal } from './match-refused.js';
export { PatternError } from './pattern-error.js';
export { RouteAccessError } from './route-access-error.js';
export { UnknownChannelError } from './unknown-channel-error.js';
export { WeakPasswordError } from './weak-password-error.js';
export { WhatsAppSendError, type WhatsAppSendFailure } from './whatsapp-send-error.js';
