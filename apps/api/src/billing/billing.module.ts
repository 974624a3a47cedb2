import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { MailModule } from '../mail/mail.module';
import { SessionsModule } from '../sessions/sessions.module';
import { BillingDocumentsController } from './billing-documents.controller';
import { BillingDocumentsService } from './billing-documents.service';
import { BillingReportsController } from './billing-reports.controller';
import { BillingReportsService } from './billing-reports.service';
import { BillingSettingsController } from './billing-settings.controller';
import { BillingSettingsService } from './billing-settings.service';
import { CaseBillingController } from './case-billing.controller';
import { ChargesController } from './charges.controller';
import { ChargesService } from './charges.service';
import { DiagnosesController } from './diagnoses.controller';
import { DiagnosesService } from './diagnoses.service';
import { InvoicesController } from './invoices.controller';
import { CreditNotesService } from './credit-notes.service';
import { InvoiceIssuingService } from './invoice-issuing.service';
import { InvoicesService } from './invoices.service';
import { PayersService } from './payers.service';
import { PaymentsController } from './payments.controller';
import { PaymentProcessors } from './payment-processors';
import { PaymentsService } from './payments.service';
import { PortalBillingController } from './portal-billing.controller';
import { SessionChargesService } from './session-charges.service';
import { PortalBillingService } from './portal-billing.service';

/**
 * Getting paid: the practice's services and fees, who pays for each case, charges (made
 * when a session is held or missed), invoices and credit notes, payments and refunds,
 * balances and aging, statements and superbills, and each person's own bills in the portal.
 */
@Module({
  imports: [AuditModule, CasesModule, MailModule, SessionsModule],
  controllers: [
    BillingSettingsController,
    CaseBillingController,
    ChargesController,
    DiagnosesController,
    InvoicesController,
    PaymentsController,
    BillingReportsController,
    BillingDocumentsController,
    PortalBillingController,
  ],
  providers: [
    BillingSettingsService,
    PayersService,
    ChargesService,
    SessionChargesService,
    DiagnosesService,
    InvoicesService,
    InvoiceIssuingService,
    CreditNotesService,
    PaymentsService,
    PaymentProcessors,
    BillingReportsService,
    BillingDocumentsService,
    PortalBillingService,
  ],
})
export class BillingModule {}
