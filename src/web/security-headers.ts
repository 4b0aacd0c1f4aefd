/**
 * Security headers for every response (@fastify/helmet). The pages need nothing but their own
 * stylesheet: no scripts at all, no frames, forms only to this site. The queue board
 * (bull-board) is a script app of its own and gets a policy of its own, still limited to this
 * site (its web font from a third party stays blocked: staff's addresses are not shared).
 */
import type { FastifyHelmetOptions } from '@fastify/helmet';

export const helmetOptions: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
  // Sent over https only by browsers; not for sibling hosts the dashboard does not control.
  strictTransportSecurity: { maxAge: 365 * 24 * 3600, includeSubDomains: false },
};

/** Route-level helmet options for the queue board's pages, scripts and JSON calls. */
export const queueBoardHelmet = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // bull-board's loading screen and its components set inline styles.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      // bull-board resolves its assets against <base href="/queues/">.
      baseUri: ["'self'"],
    },
  },
} satisfies FastifyHelmetOptions;

/**
 * Route-level helmet options for the web chat page: the pages' policy, plus its one script of
 * this site and that script's calls to this site (it asks for new replies).
 */
export const webchatHelmet = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'none'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
  },
} satisfies FastifyHelmetOptions;

/**
 * Route-level helmet options for the hand-off page: like the web chat, its one script of this
 * site asks this site for new messages of the conversation.
 */
export const inboxLiveHelmet = webchatHelmet;
