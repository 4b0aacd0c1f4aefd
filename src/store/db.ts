/** What a repository runs on: the Prisma client, or one of its interactive transactions. */
import type { Prisma, PrismaClient } from './generated/client.js';

export type Db = PrismaClient | Prisma.TransactionClient;
