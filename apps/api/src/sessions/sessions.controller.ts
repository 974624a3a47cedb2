import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type AgendaSession, type SessionClash, type TherapySession } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CaseIdPipe } from '../cases/cases.pipes';
import { AgendaQueryDto } from './dto/agenda-query.dto';
import { CancelSessionDto } from './dto/cancel-session.dto';
import { ScheduleSessionDto } from './dto/schedule-session.dto';
import { SessionClashQueryDto } from './dto/session-clash-query.dto';
import { UpdateSessionDto } from './dto/update-session.dto';
import { SessionSchedulingService } from './session-scheduling.service';
import { SessionIdPipe } from './sessions.pipes';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly scheduling: SessionSchedulingService,
  ) {}

  /** The Home agenda: sessions in a range across every case this user may open. */
  @Get('sessions')
  agenda(@CurrentUser() user: AuthenticatedUser, @Query() query: AgendaQueryDto): Promise<AgendaSession[]> {
    return this.sessions.agenda(user, query);
  }

  /** Who would be in two places if a session were saved so: the form's early warning. */
  @Get('sessions/clashes')
  @RequirePermission(Permission.ScheduleSessions)
  clashes(@CurrentUser() user: AuthenticatedUser, @Query() query: SessionClashQueryDto): Promise<SessionClash[]> {
    return this.scheduling.clashes(user, query);
  }

  @Get('cases/:id/sessions')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string): Promise<TherapySession[]> {
    return this.sessions.list(user, caseId);
  }

  @Post('cases/:id/sessions')
  @RequirePermission(Permission.ScheduleSessions)
  schedule(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Body() request: ScheduleSessionDto): Promise<TherapySession> {
    return this.scheduling.schedule(user, caseId, request);
  }

  @Patch('sessions/:id')
  @RequirePermission(Permission.ScheduleSessions)
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', SessionIdPipe) id: string, @Body() changes: UpdateSessionDto): Promise<TherapySession> {
    return this.scheduling.update(user, id, changes);
  }

  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @RequirePermission(Permission.ScheduleSessions)
  cancel(@CurrentUser() user: AuthenticatedUser, @Param('id', SessionIdPipe) id: string, @Body() request: CancelSessionDto): Promise<TherapySession> {
    return this.scheduling.cancel(user, id, request);
  }
}
