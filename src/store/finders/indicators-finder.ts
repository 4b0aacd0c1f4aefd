/**
 * The reads of the indicator screen. The figures are computed in `monitoring/indicators.ts`,
 * the one place that knows how answers become indicators; this finder is the screen's door
 * to it, as the other screens have theirs.
 */
import {
  computeIndicators,
  type IndicatorFilter,
  type Indicators,
} from '../../monitoring/indicators.js';
import type { PrismaClient } from '../prisma-client.js';
import { createStore } from '../store.js';

export function findIndicators(prisma: PrismaClient, filter: IndicatorFilter): Promise<Indicators> {
  return computeIndicators(createStore(prisma), filter);
}
