import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CaseProgress } from '@trustwork/contracts';
import { CaseIdPipe } from '../cases/cases.pipes';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { ProgressQueryDto } from './dto/progress-query.dto';
import { ProgressService } from './progress.service';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('cases/:id/progress')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get()
  read(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Query() query: ProgressQueryDto): Promise<CaseProgress> {
    return this.progress.read(user, caseId, query);
  }
}
