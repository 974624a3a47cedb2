import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CheckIn } from '@trustwork/contracts';
import { CaseIdPipe } from '../cases/cases.pipes';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { PortalParticipant, type AuthenticatedParticipant } from '../common/authenticated-participant';
import { PortalAuthenticated } from '../portal/portal-authenticated.decorator';
import { CheckInsService } from './check-ins.service';
import { SubmitCheckInDto } from './dto/submit-check-in.dto';
import { idempotencyKeyOf } from '../common/idempotency-key';

/** The therapist's view of a case's check-ins. */
@ApiTags('check-ins')
@ApiBearerAuth()
@Controller('cases/:id/check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string): Promise<CheckIn[]> {
    return this.checkIns.listForCase(user, caseId);
  }
}

/** A participant's own check-ins, through their portal link. */
@ApiTags('portal')
@PortalAuthenticated()
@Controller('portal/check-ins')
export class PortalCheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key on a retried send stores the check-in once' })
  submit(
    @PortalParticipant() participant: AuthenticatedParticipant,
    @Body() request: SubmitCheckInDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<CheckIn> {
    return this.checkIns.submit(participant, request, idempotencyKeyOf(idempotencyKey));
  }

  /** The last few weeks, newest first, so the participant can see what they sent. */
  @Get()
  list(@PortalParticipant() participant: AuthenticatedParticipant): Promise<CheckIn[]> {
    return this.checkIns.listOwn(participant);
  }
}
