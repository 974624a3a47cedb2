import { applyDecorators, Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { PortalBilling } from '@trustwork/contracts';
import { PortalParticipant, type AuthenticatedParticipant } from '../common/authenticated-participant';
import { PortalAuthenticated } from '../portal/portal-authenticated.decorator';
import type { BillingDocumentFile } from './billing-documents.service';
import { InvoiceIdPipe } from './billing.pipes';
import { BillingPeriodQueryDto } from './dto/billing-period-query.dto';
import { PortalBillingService } from './portal-billing.service';

/** A person's money on their phone: saved as a file, never kept by a shared or browser cache. */
const PdfFile = () => applyDecorators(ApiProduces('application/pdf'), Header('Cache-Control', 'no-store'));

const pdfFile = (file: BillingDocumentFile) => new StreamableFile(file.pdf, { type: 'application/pdf', disposition: `attachment; filename="${file.fileName}"` });

/** A person's own invoices, statement and superbill, through their portal link. */
@ApiTags('portal')
@PortalAuthenticated()
@Controller('portal/billing')
export class PortalBillingController {
  constructor(private readonly billing: PortalBillingService) {}

  @Get()
  overview(@PortalParticipant() participant: AuthenticatedParticipant): Promise<PortalBilling> {
    return this.billing.overview(participant);
  }

  @Get('invoices/:id/pdf')
  @PdfFile()
  async invoicePdf(@PortalParticipant() participant: AuthenticatedParticipant, @Param('id', InvoiceIdPipe) invoiceId: string): Promise<StreamableFile> {
    return pdfFile(await this.billing.invoicePdf(participant, invoiceId));
  }

  @Get('statement.pdf')
  @PdfFile()
  async statementPdf(@PortalParticipant() participant: AuthenticatedParticipant, @Query() period: BillingPeriodQueryDto): Promise<StreamableFile> {
    return pdfFile(await this.billing.statementPdf(participant, period));
  }

  @Get('superbill.pdf')
  @PdfFile()
  async superbillPdf(@PortalParticipant() participant: AuthenticatedParticipant, @Query() period: BillingPeriodQueryDto): Promise<StreamableFile> {
    return pdfFile(await this.billing.superbillPdf(participant, period));
  }
}
