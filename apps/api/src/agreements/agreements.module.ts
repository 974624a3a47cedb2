import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { MailModule } from '../mail/mail.module';
import { AgreementCatalog } from './agreement-catalog.service';
import { AgreementRecordsService } from './agreement-records.service';
import { AgreementSigningService } from './agreement-signing.service';
import { AgreementsController, CaseAgreementsController, PortalAgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { CaseAgreementsService } from './case-agreements.service';

/**
 * Agreements both people of a case sign in the portal: the practice's library (built-ins and
 * its own, versioned), each case's confidentiality policy and set of agreements, the
 * signatures with the exact texts signed, and their signed copies as PDF.
 */
@Module({
  imports: [AuditModule, CasesModule, MailModule],
  controllers: [AgreementsController, CaseAgreementsController, PortalAgreementsController],
  providers: [AgreementCatalog, AgreementRecordsService, AgreementsService, CaseAgreementsService, AgreementSigningService],
  exports: [AgreementRecordsService],
})
export class AgreementsModule {}
