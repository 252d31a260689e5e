import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Context } from '../../../common/context';
import { toCsv } from './tax-report-csv';
import { taxReport } from './tax-report.service';
import { CostBasisMethodKind } from './tax-lot';

/** What the route needs from the gateway: the operation context of a request (its viewer from the Bearer key). */
export interface TaxReportRouteDeps {
  contextFor(req: Request): Promise<Context>;
}

/** Where the CSV is served. */
export const TAX_REPORT_CSV_PATH = '/reports/tax.csv';

/** HTTP status of the errors a request can expect (a rejected key, a bad year); anything else is a 500. */
const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400 };

const fail = (res: Response, status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

/**
 * `GET /reports/tax.csv?year=2026&method=FIFO`: the viewer's tax report as RFC 4180 CSV, authenticated with the
 * same `Authorization: Bearer <api key>` as the API. Without a usable key: 401. The report is the viewer's own
 * (the same service as the taxReport query), so no other account's rows can appear.
 */
export function taxReportRouter(deps: TaxReportRouteDeps): Router {
  const router = Router();
  router.get(TAX_REPORT_CSV_PATH, async (req, res) => {
    try {
      const ctx = await deps.contextFor(req);
      if (!ctx.viewer) {
        res.set('WWW-Authenticate', 'Bearer');
        fail(res, 401, 'UNAUTHENTICATED', 'Authentication required: send Authorization: Bearer <api key>.');
        return;
      }
      const yearText = typeof req.query.year === 'string' ? req.query.year : '';
      if (!/^\d{4}$/.test(yearText)) {
        fail(res, 400, 'BAD_USER_INPUT', 'year must be a four-digit year, e.g. ?year=2026.');
        return;
      }
      const methodText = typeof req.query.method === 'string' ? req.query.method.toUpperCase() : CostBasisMethodKind.FIFO;
      if (!Object.values(CostBasisMethodKind).includes(methodText as CostBasisMethodKind)) {
        fail(res, 400, 'BAD_USER_INPUT', `method must be one of ${Object.values(CostBasisMethodKind).join(', ')}.`);
        return;
      }
      const method = methodText as CostBasisMethodKind;
      const { rows } = await taxReport(ctx, Number(yearText), method);
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="tax-report-${yearText}-${method}.csv"`)
        .set('Cache-Control', 'private, no-store')
        .send(toCsv(rows));
    } catch (error) {
      const code = error instanceof GraphQLError ? String(error.extensions.code) : '';
      if (code in STATUS_OF) {
        if (code === 'UNAUTHENTICATED') res.set('WWW-Authenticate', 'Bearer');
        fail(res, STATUS_OF[code], code, (error as GraphQLError).message);
        return;
      }
      req.log?.error({ err: error }, 'tax report CSV failed');
      fail(res, 500, 'INTERNAL_SERVER_ERROR', 'The tax report could not be built.');
    }
  });
  return router;
}
