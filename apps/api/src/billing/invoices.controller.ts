import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission, type Invoice, type InvoiceSummary } from '@trustwork/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CaseIdPipe } from '../cases/cases.pipes';
import { InvoiceIdPipe } from './billing.pipes';
import { CreditNotesService } from './credit-notes.service';
import { CreateCreditNoteDto, CreateInvoiceDto, UpdateInvoiceDto } from './dto/invoice.dto';
import { InvoiceIssuingService } from './invoice-issuing.service';
import { InvoicesService } from './invoices.service';

/** A case's invoices: drafts, issuing with the next number, e-mail and PDF, and credit notes that correct them. */
@ApiTags('billing')
@ApiBearerAuth()
@RequirePermission(Permission.ManageBilling)
@Controller()
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly issuing: InvoiceIssuingService,
    private readonly creditNotes: CreditNotesService,
  ) {}

  @Get('cases/:id/invoices')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string): Promise<InvoiceSummary[]> {
    return this.invoices.list(user, caseId);
  }

  @Post('cases/:id/invoices')
  create(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Body() request: CreateInvoiceDto): Promise<Invoice> {
    return this.invoices.create(user, caseId, request);
  }

  @Get('invoices/:id')
  read(@CurrentUser() user: AuthenticatedUser, @Param('id', InvoiceIdPipe) invoiceId: string): Promise<Invoice> {
    return this.invoices.read(user, invoiceId);
  }

  @Patch('invoices/:id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', InvoiceIdPipe) invoiceId: string, @Body() request: UpdateInvoiceDto): Promise<Invoice> {
    return this.invoices.update(user, invoiceId, request);
  }

  @Delete('invoices/:id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthenticatedUser, @Param('id', InvoiceIdPipe) invoiceId: string): Promise<void> {
    return this.invoices.remove(user, invoiceId);
  }

  @Post('invoices/:id/issue')
  issue(@CurrentUser() user: AuthenticatedUser, @Param('id', InvoiceIdPipe) invoiceId: string): Promise<Invoice> {
    return this.issuing.issue(user, invoiceId);
  }

  @Post('invoices/:id/email')
  email(@CurrentUser() user: AuthenticatedUser, @Param('id', InvoiceIdPipe) invoiceId: string): Promise<Invoice> {
    return this.issuing.email(user, invoiceId);
  }

  @Get('invoices/:id/pdf')
  @ApiProduces('application/pdf')
  async pdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', InvoiceIdPipe) invoiceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { fileName, pdf } = await this.issuing.pdf(user, invoiceId);
    reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
    reply.header('Cache-Control', 'no-store');
    return new StreamableFile(pdf, { type: 'application/pdf' });
  }

  @Post('invoices/:id/credit-notes')
  createCreditNote(@CurrentUser() user: AuthenticatedUser, @Param('id', InvoiceIdPipe) invoiceId: string, @Body() request: CreateCreditNoteDto): Promise<Invoice> {
    return this.creditNotes.create(user, invoiceId, request);
  }
}
