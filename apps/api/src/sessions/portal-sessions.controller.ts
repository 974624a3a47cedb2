import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PortalSession } from '@trustwork/contracts';
import { PortalParticipant, type AuthenticatedParticipant } from '../common/authenticated-participant';
import { recordIdPipe } from '../common/record-id-pipe';
import { PortalAuthenticated } from '../portal/portal-authenticated.decorator';
import { PortalCancelSessionDto } from './dto/portal-cancel-session.dto';
import { PortalSessionNotFound, SessionAttendanceService } from './session-attendance.service';

/** A session id that is not even a UUID names no appointment of this person's: 404 like any other. */
const PortalSessionIdPipe = recordIdPipe(() => new PortalSessionNotFound());

/** A person's own appointments, through their portal link: see them, say they will come, or cancel. */
@ApiTags('portal')
@PortalAuthenticated()
@Controller('portal/sessions')
export class PortalSessionsController {
  constructor(private readonly attendance: SessionAttendanceService) {}

  @Get()
  list(@PortalParticipant() participant: AuthenticatedParticipant): Promise<PortalSession[]> {
    return this.attendance.upcoming(participant);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  confirm(@PortalParticipant() participant: AuthenticatedParticipant, @Param('id', PortalSessionIdPipe) sessionId: string): Promise<PortalSession> {
    return this.attendance.confirm(participant, sessionId);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(
    @PortalParticipant() participant: AuthenticatedParticipant,
    @Param('id', PortalSessionIdPipe) sessionId: string,
    @Body() request: PortalCancelSessionDto,
  ): Promise<PortalSession> {
    return this.attendance.cancel(participant, sessionId, request);
  }
}
