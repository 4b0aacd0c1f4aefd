/**
 * A cohort import's report (what would happen, or what went wrong, line by line), and the
 * page that shows it before anything is stored, with the checked file ready to confirm.
 */
import type { ImportReport } from '../../../followups/import-cohort.js';
import { CsrfField } from '../../components/forms.js';
import type { PageContext } from '../../page-context.js';

export function ImportReportView({ ctx, report }: { ctx: PageContext; report: ImportReport }) {
  return report.ok ? (
    <ul>
      <li>{ctx.t('admin.report.rows', { count: report.rows })}</li>
      <li>{ctx.t('admin.report.newContacts', { count: report.newContacts })}</li>
      <li>{ctx.t('admin.report.newEnrolments', { count: report.newEnrolments })}</li>
      <li>{ctx.t('admin.report.late', { count: report.late })}</li>
    </ul>
  ) : (
    <div class="error" role="alert">
      <p>{ctx.t('admin.report.errors', { count: report.errors.length })}</p>
      <ul>
        {report.errors.slice(0, 100).map((e) => (
          <li>{e}</li>
        ))}
      </ul>
    </div>
  );
}

export function CohortPreview({
  ctx,
  report,
  csv,
}: {
  ctx: PageContext;
  report: ImportReport;
  csv: string;
}) {
  return (
    <>
      <h2>{ctx.t('admin.report.title')}</h2>
      <ImportReportView ctx={ctx} report={report} />
      {report.ok ? (
        <form method="post" action="/admin/cohorts/import">
          <CsrfField token={ctx.csrf} />
          <textarea name="csv" hidden aria-hidden="true">
            {csv}
          </textarea>
          <p>
            <button type="submit">{ctx.t('admin.confirmImport', { count: report.rows })}</button>{' '}
            <a href="/admin">{ctx.t('admin.cancel')}</a>
          </p>
        </form>
      ) : (
        <p>
          <a href="/admin">{ctx.t('admin.tryAgain')}</a>
        </p>
      )}
    </>
  );
}

/** After a real import: what was stored, or why nothing was. */
export function ImportResult({ ctx, report }: { ctx: PageContext; report: ImportReport }) {
  return (
    <>
      <h2>{ctx.t(report.ok ? 'admin.imported' : 'admin.report.title')}</h2>
      <ImportReportView ctx={ctx} report={report} />
    </>
  );
}
