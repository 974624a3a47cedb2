import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequireRecentStepUp } from '../common/decorators/require-recent-step-up.decorator';
import { CaseIdPipe } from '../cases/cases.pipes';
import type { CaseExport } from '@trustwork/contracts';
import { CaseExportService } from './case-export.service';
import { CaseExportQueryDto } from './dto/case-export-query.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseExportController {
  constructor(private readonly exports: CaseExportService) {}

  /**
   * The whole case as one JSON document (signed notes only), or with `participant` only
   * what belongs to that participant's records request; a browser saves it as a file.
   */
  @Get(':id/export')
  @RequireRecentStepUp()
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', CaseIdPipe) caseId: string,
    @Query() query: CaseExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseExport> {
    const document = await this.exports.export(user, caseId, query.participant);
    const whose = document.forParticipant ? `-participant-${document.forParticipant.id}` : '';
    reply.header('Content-Disposition', `attachment; filename="trustwork-case-${caseId}${whose}-${document.exportedAt.slice(0, 10)}.json"`);
    // Clinical records: no shared or browser cache keeps a copy.
    reply.header('Cache-Control', 'no-store');
    return document;
  }
}
