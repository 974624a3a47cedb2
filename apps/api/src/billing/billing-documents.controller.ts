import { applyDecorators, Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission, type Statement, type Superbill } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { BillingDocumentsService, type BillingDocumentFile } from './billing-documents.service';
import { BillingParticipantIdPipe, PayerIdPipe } from './billing.pipes';
import { BillingPeriodQueryDto } from './dto/billing-period-query.dto';

/** A statement or superbill is about a person's money and care: saved as a file, never kept by a shared or browser cache. */
const PdfFile = () => applyDecorators(ApiProduces('application/pdf'), Header('Cache-Control', 'no-store'));

const pdfFile = (file: BillingDocumentFile) => new StreamableFile(file.pdf, { type: 'application/pdf', disposition: `attachment; filename="${file.fileName}"` });

@ApiTags('billing')
@ApiBearerAuth()
@RequirePermission(Permission.ManageBilling)
@Controller()
export class BillingDocumentsController {
  constructor(private readonly documents: BillingDocumentsService) {}

  @Get('payers/:id/statement')
  statement(@CurrentUser() user: AuthenticatedUser, @Param('id', PayerIdPipe) payerId: string, @Query() period: BillingPeriodQueryDto): Promise<Statement> {
    return this.documents.statement(user, payerId, period);
  }

  @Get('payers/:id/statement.pdf')
  @PdfFile()
  async statementPdf(@CurrentUser() user: AuthenticatedUser, @Param('id', PayerIdPipe) payerId: string, @Query() period: BillingPeriodQueryDto): Promise<StreamableFile> {
    return pdfFile(await this.documents.statementPdf(user, payerId, period));
  }

  @Get('participants/:pid/superbill')
  superbill(
    @CurrentUser() user: AuthenticatedUser,
    @Param('pid', BillingParticipantIdPipe) participantId: string,
    @Query() period: BillingPeriodQueryDto,
  ): Promise<Superbill> {
    return this.documents.superbill(user, participantId, period);
  }

  @Get('participants/:pid/superbill.pdf')
  @PdfFile()
  async superbillPdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('pid', BillingParticipantIdPipe) participantId: string,
    @Query() period: BillingPeriodQueryDto,
  ): Promise<StreamableFile> {
    return pdfFile(await this.documents.superbillPdf(user, participantId, period));
  }
}
