import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SessionBrief } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { SessionIdPipe } from '../sessions/sessions.pipes';
import { BriefsService } from './briefs.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions/:id/brief')
export class BriefsController {
  constructor(private readonly briefs: BriefsService) {}

  /** What happened in the case since its previous session, for the clinician about to hold this one. */
  @Get()
  read(@CurrentUser() user: AuthenticatedUser, @Param('id', SessionIdPipe) sessionId: string): Promise<SessionBrief> {
    return this.briefs.read(user, sessionId);
  }
}
