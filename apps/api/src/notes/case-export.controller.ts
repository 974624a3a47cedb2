import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequireRecentStepUp } from '../common/decorators/require-recent-step-up.decorator';
import { CaseIdPipe } from '../cases/cases.pipes';
import { CaseExportFormat, type CaseExport } from '@trustwork/contracts';
import { CaseExportService, exportFileName } from './case-export.service';
import { CaseExportQueryDto } from './dto/case-export-query.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseExportController {
  constructor(private readonly exports: CaseExportService) {}

  /**
   * The whole case (signed notes only), or with `participant` only what belongs to that
   * participant's records request: as JSON for another system, or `format=pdf` for a person to
   * read. Either way a browser saves it as a file.
   */
  @Get(':id/export')
  @RequireRecentStepUp()
  @ApiProduces('application/json', 'application/pdf')
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', CaseIdPipe) caseId: string,
    @Query() query: CaseExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseExport | StreamableFile> {
    if (query.format === CaseExportFormat.Pdf) {
      const { fileName, pdf } = await this.exports.exportPdf(user, caseId, query.participant);
      saveAsFile(reply, fileName);
      return new StreamableFile(pdf, { type: 'application/pdf' });
    }
    const document = await this.exports.export(user, caseId, query.participant);
    saveAsFile(reply, exportFileName(document, CaseExportFormat.Json));
    return document;
  }
}

/** Clinical records: the browser saves them as a file, and no shared or browser cache keeps a copy. */
function saveAsFile(reply: FastifyReply, fileName: string): void {
  reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
  reply.header('Cache-Control', 'no-store');
}
