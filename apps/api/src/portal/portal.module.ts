import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsModule } from '../agreements/agreements.module';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { PortalLink } from './portal-link.entity';
import { PortalLinksController } from './portal-links.controller';
import { PortalLinksService } from './portal-links.service';
import { PortalController } from './portal.controller';
import { PortalService } from './portal.service';

/**
 * Portal links (therapists create and revoke them) and the participant's portal they
 * open. Other features' portal routes use @PortalAuthenticated() and @PortalParticipant().
 */
@Module({
  imports: [TypeOrmModule.forFeature([PortalLink]), AuditModule, CasesModule, AgreementsModule],
  controllers: [PortalLinksController, PortalController],
  providers: [PortalLinksService, PortalService],
  exports: [PortalLinksService],
})
export class PortalModule {}
