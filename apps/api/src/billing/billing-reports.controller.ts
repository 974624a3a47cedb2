import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission, type AgingReport, type InvoiceSummary, type Page } from '@trustwork/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { BillingReportsService } from './billing-reports.service';
import { AgingQueryDto } from './dto/aging-query.dto';
import { PracticeInvoicesQueryDto } from './dto/practice-invoices-query.dto';

@ApiTags('billing')
@ApiBearerAuth()
@RequirePermission(Permission.ManageBilling)
@Controller('billing')
export class BillingReportsController {
  constructor(private readonly reports: BillingReportsService) {}

  /** What is owed, by payer and by how long since each invoice was issued. */
  @Get('aging')
  aging(@CurrentUser() user: AuthenticatedUser, @Query() query: AgingQueryDto): Promise<AgingReport> {
    return this.reports.aging(user, query.asOf);
  }

  /** The outstanding invoices as a spreadsheet for the accountant. */
  @Get('aging.csv')
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  async agingCsv(@CurrentUser() user: AuthenticatedUser, @Query() query: AgingQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { fileName, csv } = await this.reports.agingCsv(user, query.asOf);
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
    return csv;
  }

  /** Every case's invoices and credit notes, newest first. */
  @Get('invoices')
  invoices(@CurrentUser() user: AuthenticatedUser, @Query() query: PracticeInvoicesQueryDto): Promise<Page<InvoiceSummary>> {
    return this.reports.invoices(user, query);
  }
}
