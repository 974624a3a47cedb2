import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CaseDetail, CaseEvent, CaseSummary, Page } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { CaseEventsService } from './case-events.service';
import { CaseIdPipe } from './cases.pipes';
import { CasesService } from './cases.service';
import { CaseloadQueryDto } from './dto/caseload-query.dto';
import { CreateCaseEventDto } from './dto/create-case-event.dto';
import { CreateCaseDto } from './dto/create-case.dto';
import { UpdateCaseDto } from './dto/update-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
  ) {}

  @Get()
  caseload(@CurrentUser() user: AuthenticatedUser, @Query() query: CaseloadQueryDto): Promise<Page<CaseSummary>> {
    return this.cases.caseload(user, query);
  }

  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() request: CreateCaseDto): Promise<CaseDetail> {
    return this.cases.create(user, request);
  }

  @Get(':id')
  detail(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) id: string): Promise<CaseDetail> {
    return this.cases.detail(user, id);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) id: string, @Body() changes: UpdateCaseDto): Promise<CaseDetail> {
    return this.cases.update(user, id, changes);
  }

  @Get(':id/events')
  listEvents(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) id: string): Promise<CaseEvent[]> {
    return this.events.list(user, id);
  }

  @Post(':id/events')
  createEvent(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) id: string, @Body() request: CreateCaseEventDto): Promise<CaseEvent> {
    return this.events.create(user, id, request);
  }
}
