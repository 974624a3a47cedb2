import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CaseAlert } from '@trustwork/contracts';
import { CaseIdPipe } from '../cases/cases.pipes';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { AlertIdPipe } from './alerts.pipes';
import { AlertsService } from './alerts.service';
import { AcknowledgeAlertDto } from './dto/acknowledge-alert.dto';
import { CaseAlertQueryDto } from './dto/case-alert-query.dto';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('cases/:id/alerts')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Query() query: CaseAlertQueryDto): Promise<CaseAlert[]> {
    return this.alerts.listForCase(user, caseId, query.status ?? 'open');
  }

  @Post('alerts/:id/acknowledge')
  @HttpCode(HttpStatus.OK)
  acknowledge(@CurrentUser() user: AuthenticatedUser, @Param('id', AlertIdPipe) alertId: string, @Body() request: AcknowledgeAlertDto): Promise<CaseAlert> {
    return this.alerts.acknowledge(user, alertId, request);
  }
}
