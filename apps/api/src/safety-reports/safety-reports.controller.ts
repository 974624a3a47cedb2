import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { SafetyReport, SafetyReportReceived } from '@trustwork/contracts';
import { CaseIdPipe } from '../cases/cases.pipes';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { idempotencyKeyOf } from '../common/idempotency-key';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { recordIdPipe } from '../common/record-id-pipe';
import { PortalParticipant, type AuthenticatedParticipant } from '../common/authenticated-participant';
import { PortalAuthenticated } from '../portal/portal-authenticated.decorator';
import { SendSafetyReportDto } from './dto/send-safety-report.dto';
import { SafetyReportNotFound } from './safety-reports.errors';
import { SafetyReportsService } from './safety-reports.service';

/** A report id that is not even a UUID cannot exist: 404 like any unknown report. */
const SafetyReportIdPipe = recordIdPipe(() => new SafetyReportNotFound());

/** The therapist's side: read a case's safety reports and acknowledge them. */
@ApiTags('safety reports')
@ApiBearerAuth()
@Controller()
export class SafetyReportsController {
  constructor(private readonly reports: SafetyReportsService) {}

  @Get('cases/:id/safety-reports')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string): Promise<SafetyReport[]> {
    return this.reports.listForCase(user, caseId);
  }

  @Post('safety-reports/:id/acknowledge')
  @HttpCode(HttpStatus.OK)
  acknowledge(@CurrentUser() user: AuthenticatedUser, @Param('id', SafetyReportIdPipe) reportId: string): Promise<SafetyReport> {
    return this.reports.acknowledge(user, reportId);
  }
}

/** The participant's side: send only. There is deliberately no portal route that reads a report. */
@ApiTags('portal')
@PortalAuthenticated()
@Controller('portal/safety-reports')
export class PortalSafetyReportsController {
  constructor(private readonly reports: SafetyReportsService) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key on a retried send stores the report once' })
  send(
    @PortalParticipant() participant: AuthenticatedParticipant,
    @Body() request: SendSafetyReportDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<SafetyReportReceived> {
    return this.reports.send(participant, request, idempotencyKeyOf(idempotencyKey));
  }
}
