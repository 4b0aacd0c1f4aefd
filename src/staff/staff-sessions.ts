/**
 * Signed-in browsers. The cookie carries a random token; the database keeps only its hash,
 * with the staff member, a CSRF token for the session's forms and an expiry. A deactivated
 * staff member's sessions stop working at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { StaffMember } from './staff-auth.js';
import type { PrismaClient } from '../store/prisma-client.js';

export interface StaffSession {
  staff: StaffMember & { language: string };
  csrfToken: string;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export class StaffSessions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
    private readonly ttlHours = 12,
  ) {}

  /** Starts a session; returns the cookie's token. */
  async open(staffId: string): Promise<string> {
    const token = newToken();
    const now = this.clock();
    await this.prisma.staffSession.create({
      data: {
        tokenHash: hash(token),
        staffId,
        csrfToken: newToken(),
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.ttlHours * 3_600_000),
      },
    });
    return token;
  }

  async find(token: string | undefined): Promise<StaffSession | null> {
    if (!token) return null;
    const session = await this.prisma.staffSession.findUnique({
      where: { tokenHash: hash(token) },
      include: { staff: true },
    });
    if (!session || session.expiresAt <= this.clock() || !session.staff.active) return null;
    const { staff } = session;
    return {
      staff: {
        id: staff.id,
        name: staff.name,
        role: staff.role === 'coordinator' ? 'coordinator' : 'verbinder',
        wijkId: staff.wijkId,
        language: staff.language,
      },
      csrfToken: session.csrfToken,
    };
  }

  async close(token: string | undefined): Promise<void> {
    if (token) await this.prisma.staffSession.deleteMany({ where: { tokenHash: hash(token) } });
  }
}
