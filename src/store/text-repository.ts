/**
 * Residents' texts in the database: coordinators' overrides, every revision, and the change
 * counter each process polls. Implements the texts editor's `TextStore` port.
 */
import type { TextOverride } from '../texts/text-catalog.js';
import type {
  TextChange,
  TextChangeKind,
  TextRevision,
  TextStaff,
  TextStore,
} from '../texts/text-store.js';
import type { PrismaClient, TextRevision as RevisionRecord } from './generated/client.js';

export class PrismaTextRepository implements TextStore {
  constructor(private readonly prisma: PrismaClient) {}

  async version(): Promise<number> {
    const row = await this.prisma.textCatalogVersion.findUnique({
      where: { id: 1 },
      select: { version: true },
    });
    return row?.version ?? 0;
  }

  async overrides(): Promise<{ version: number; overrides: TextOverride[] }> {
    // The counter first: the overrides read after it are at least as new as it says.
    const version = await this.version();
    const rows = await this.prisma.textOverride.findMany({
      select: { language: true, key: true, text: true, sourceHash: true, revisionId: true },
    });
    return { version, overrides: rows };
  }

  change(change: TextChange): Promise<TextRevision | null> {
    const { language, key } = change;
    return this.prisma.$transaction(async (tx) => {
      // Locks the counter row (made if missing): text changes queue here, across processes.
      await tx.$executeRaw`INSERT INTO "TextCatalogVersion" ("id", "version") VALUES (1, 0)
        ON CONFLICT ("id") DO UPDATE SET "version" = "TextCatalogVersion"."version"`;
      const current = await tx.textOverride.findUnique({
        where: { language_key: { language, key } },
      });
      const before = current?.text ?? null;
      const beforeSourceHash = current?.sourceHash ?? null;
      if (before === change.text && (before === null || beforeSourceHash === change.sourceHash)) {
        return null;
      }
      const revision = await tx.textRevision.create({
        data: {
          language,
          key,
          kind: change.kind,
          before,
          beforeSourceHash,
          after: change.text,
          afterSourceHash: change.text === null ? null : change.sourceHash,
          revertOf: change.revertOf,
          staffId: change.staffId,
          at: change.at,
        },
      });
      if (change.text === null) {
        await tx.textOverride.delete({ where: { language_key: { language, key } } });
      } else {
        const fields = {
          text: change.text,
          sourceHash: change.sourceHash,
          revisionId: revision.id,
          updatedAt: change.at,
        };
        await tx.textOverride.upsert({
          where: { language_key: { language, key } },
          create: { language, key, ...fields },
          update: fields,
        });
      }
      await tx.textCatalogVersion.update({
        where: { id: 1 },
        data: { version: { increment: 1 } },
      });
      return { ...toRevision(revision), staffName: null };
    });
  }

  async revision(id: number): Promise<TextRevision | null> {
    const record = await this.prisma.textRevision.findUnique({ where: { id } });
    return record ? (await this.withNames([record]))[0]! : null;
  }

  async history(language: string, key: string, limit: number): Promise<TextRevision[]> {
    const records = await this.prisma.textRevision.findMany({
      where: { language, key },
      orderBy: { id: 'desc' },
      take: limit,
    });
    return this.withNames(records);
  }

  staff(id: string): Promise<TextStaff | null> {
    return this.prisma.verbinder.findUnique({
      where: { id },
      select: { id: true, role: true, active: true },
    });
  }

  private async withNames(records: RevisionRecord[]): Promise<TextRevision[]> {
    const ids = [...new Set(records.map((r) => r.staffId))];
    const staff = await this.prisma.verbinder.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true },
    });
    const names = new Map(staff.map((s) => [s.id, s.name]));
    return records.map((r) => ({ ...toRevision(r), staffName: names.get(r.staffId) ?? null }));
  }
}

function toRevision(record: RevisionRecord): Omit<TextRevision, 'staffName'> {
  return {
    id: record.id,
    language: record.language,
    key: record.key,
    kind: record.kind as TextChangeKind,
    before: record.before,
    beforeSourceHash: record.beforeSourceHash,
    after: record.after,
    afterSourceHash: record.afterSourceHash,
    revertOf: record.revertOf,
    staffId: record.staffId,
    at: record.at,
  };
}
