/**
 * The log of exports for the privacy officer: every download of residents' records for the
 * registration system, with who, which kind, the filters, the number of rows and when. Written
 * before the file leaves the server, so an export that is not logged never happens; never
 * edited or removed from the dashboard.
 */
import type { Db } from './db.js';

export interface ExportLogEntry {
  staffId: string;
  staffName: string;
  kind: string;
  filters: { from: string; to: string; wijk: string | null };
  rowCount: number;
  at: Date;
}

export interface ExportLogItem extends ExportLogEntry {
  id: string;
}

export class ExportLogRepository {
  constructor(private readonly db: Db) {}

  async record(entry: ExportLogEntry): Promise<void> {
    await this.db.exportLog.create({ data: entry });
  }

  /** The newest first, at most `limit`. */
  async recent(limit = 200): Promise<ExportLogItem[]> {
    const rows = await this.db.exportLog.findMany({ orderBy: { at: 'desc' }, take: limit });
    return rows.map((row) => ({
      id: row.id,
      staffId: row.staffId,
      staffName: row.staffName,
      kind: row.kind,
      filters: row.filters as ExportLogEntry['filters'],
      rowCount: row.rowCount,
      at: row.at,
    }));
  }
}
