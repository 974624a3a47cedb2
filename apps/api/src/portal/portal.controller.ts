import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PortalWelcome } from '@trustwork/contracts';
import { PortalParticipant, type AuthenticatedParticipant } from '../common/authenticated-participant';
import { PortalAuthenticated } from './portal-authenticated.decorator';
import { PortalService } from './portal.service';

/** The participant's own portal, reached by their link token alone. */
@ApiTags('portal')
@PortalAuthenticated()
@Controller('portal')
export class PortalController {
  constructor(private readonly portal: PortalService) {}

  @Get('me')
  me(@PortalParticipant() participant: AuthenticatedParticipant): Promise<PortalWelcome> {
    return this.portal.welcome(participant);
  }
}
