import { Body, Controller, Get, Headers, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Assignment, PortalAssignment, PortalSubmission, SharedAnswer, Submission } from '@trustwork/contracts';
import { CaseIdPipe } from '../cases/cases.pipes';
import { idempotencyKeyOf } from '../common/idempotency-key';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { recordIdPipe } from '../common/record-id-pipe';
import { PortalParticipant, type AuthenticatedParticipant } from '../common/authenticated-participant';
import { PortalAuthenticated } from '../portal/portal-authenticated.decorator';
import { AssignmentNotFound } from './assignments.errors';
import { AssignmentsService } from './assignments.service';
import { CreateAssignmentDto } from './dto/create-assignment.dto';
import { SubmitAnswersDto } from './dto/submit-answers.dto';
import { UpdateAssignmentDto } from './dto/update-assignment.dto';

/** An assignment id that is not even a UUID cannot exist: 404 like any unknown one. */
const AssignmentIdPipe = recordIdPipe(() => new AssignmentNotFound());

/** The clinician's side of homework: owners and the case's clinicians (answers are clinical, so not assistants). */
@ApiTags('assignments')
@ApiBearerAuth()
@Controller()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  /** Returns every assignment made: two for assignTo 'each'. */
  @Post('cases/:id/assignments')
  assign(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Body() request: CreateAssignmentDto): Promise<Assignment[]> {
    return this.assignments.assign(user, caseId, request);
  }

  @Get('cases/:id/assignments')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string): Promise<Assignment[]> {
    return this.assignments.list(user, caseId);
  }

  @Patch('assignments/:id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', AssignmentIdPipe) id: string, @Body() changes: UpdateAssignmentDto): Promise<Assignment> {
    return this.assignments.update(user, id, changes);
  }

  @Get('assignments/:id/submissions')
  submissions(@CurrentUser() user: AuthenticatedUser, @Param('id', AssignmentIdPipe) id: string): Promise<Submission[]> {
    return this.assignments.submissions(user, id);
  }
}

/** A participant's homework through their portal link: their own sheets, and what the other shares. */
@ApiTags('portal')
@PortalAuthenticated()
@Controller('portal')
export class PortalAssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get('assignments')
  list(@PortalParticipant() participant: AuthenticatedParticipant): Promise<PortalAssignment[]> {
    return this.assignments.listForParticipant(participant);
  }

  @Post('assignments/:id/submissions')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key on a retried send stores the answers once' })
  submit(
    @PortalParticipant() participant: AuthenticatedParticipant,
    @Param('id', AssignmentIdPipe) id: string,
    @Body() request: SubmitAnswersDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<PortalSubmission> {
    return this.assignments.submit(participant, id, request, idempotencyKeyOf(idempotencyKey));
  }

  @Get('shared')
  shared(@PortalParticipant() participant: AuthenticatedParticipant): Promise<SharedAnswer[]> {
    return this.assignments.sharedWith(participant);
  }
}
