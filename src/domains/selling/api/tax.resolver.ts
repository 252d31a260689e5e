import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../../common/context';
import { taxReportOf } from '../tax/tax-report.service';
import { CostBasisMethod, TaxReport } from './tax.types';

@Resolver()
export class TaxResolver {
  @Authorized()
  @Query(() => TaxReport, { description: "The viewer's tax report of one year (also served as CSV at GET /reports/tax.csv?year=…&method=…)." })
  taxReport(
    @Arg('year', () => Int, { description: 'Calendar year of the sales (1970–2100).' }) year: number,
    @Ctx() ctx: Context,
    @Arg('method', () => CostBasisMethod, { nullable: true, description: 'Cost-basis method (default FIFO).' }) method?: CostBasisMethod,
  ) {
    return taxReportOf(ctx, year, method);
  }
}
