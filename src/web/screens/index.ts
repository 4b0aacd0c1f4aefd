/**
 * Every screen's routes and who may reach them: the one list the server registers. A screen
 * is a folder here (routes.ts, view.tsx); add it to this list with its access, and the
 * route walk in tests/web/route-walk.test.ts visits each of its routes.
 */
import type { Access } from '../route-access.js';
import type { Web, WebApp } from '../web.js';
import { registerAdminRoutes } from './admin/routes.js';
import { registerCampaignRoutes } from './campaigns/routes.js';
import { registerExportLogRoutes, registerExportRoutes } from './export/routes.js';
import { registerInboxRoutes } from './inbox/routes.js';
import { registerKaartRoutes } from './kaart/routes.js';
import { registerIndicatorRoutes } from './indicators/routes.js';
import { registerLoginRoutes, registerLogoutRoute } from './login/routes.js';
import { registerMatchRoutes } from './matches/routes.js';
import { registerParkedRoutes } from './parked/routes.js';
import { registerQueueBoard } from './queues/routes.js';
import { registerScheduleRoutes } from './schedule/routes.js';
import { registerSystemRoutes } from './system/routes.js';
import { registerTalentRoutes } from './talents/routes.js';
import { registerTextRoutes } from './texts/routes.js';
import { registerTryRoutes } from './try/routes.js';

export interface ScreenRoutes {
  access: Access;
  register(app: WebApp, web: Web): void | Promise<void>;
}

export const screens: readonly ScreenRoutes[] = [
  { access: 'public', register: registerSystemRoutes },
  { access: 'public', register: registerLoginRoutes },
  { access: 'staff', register: registerLogoutRoute },
  { access: 'staff', register: registerInboxRoutes },
  { access: 'staff', register: registerMatchRoutes },
  { access: 'staff', register: registerTalentRoutes },
  { access: 'staff', register: registerKaartRoutes },
  { access: 'staff', register: registerIndicatorRoutes },
  { access: 'staff', register: registerExportRoutes },
  { access: 'staff', register: registerTryRoutes },
  { access: 'coordinator', register: registerTextRoutes },
  { access: 'coordinator', register: registerAdminRoutes },
  { access: 'coordinator', register: registerExportLogRoutes },
  { access: 'coordinator', register: registerParkedRoutes },
  { access: 'coordinator', register: registerQueueBoard },
  { access: 'coordinator', register: registerCampaignRoutes },
  { access: 'coordinator', register: registerScheduleRoutes },
];
