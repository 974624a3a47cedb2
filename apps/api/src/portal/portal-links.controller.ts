import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PortalLinkCreated, PortalLinkStatus } from '@trustwork/contracts';
import { CaseIdPipe } from '../cases/cases.pipes';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { recordIdPipe } from '../common/record-id-pipe';
import { ParticipantNotFound } from './portal.errors';
import { PortalLinksService } from './portal-links.service';

/** A participant id that is not even a UUID cannot exist: 404 like any unknown participant. */
const ParticipantIdPipe = recordIdPipe(() => new ParticipantNotFound());

@ApiTags('portal links')
@ApiBearerAuth()
@Controller('cases/:id')
export class PortalLinksController {
  constructor(private readonly links: PortalLinksService) {}

  @Get('portal-links')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string): Promise<PortalLinkStatus[]> {
    return this.links.list(user, caseId);
  }

  /** The URL is in this response only; the server keeps just a hash of its token. */
  @Post('participants/:pid/portal-link')
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', CaseIdPipe) caseId: string,
    @Param('pid', ParticipantIdPipe) participantId: string,
  ): Promise<PortalLinkCreated> {
    return this.links.create(user, caseId, participantId);
  }

  @Delete('participants/:pid/portal-link')
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', CaseIdPipe) caseId: string,
    @Param('pid', ParticipantIdPipe) participantId: string,
  ): Promise<void> {
    return this.links.revoke(user, caseId, participantId);
  }
}
