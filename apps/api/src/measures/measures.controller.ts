import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MeasureSummary } from '@trustwork/contracts';
import { MeasuresService } from './measures.service';

// Like the exercise library, the measures hold no one's record: every role may read them.
@ApiTags('measures')
@ApiBearerAuth()
@Controller('measures')
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  /** The built-in measures; assign one with `exerciseId` set to its `exerciseId`. */
  @Get()
  list(): MeasureSummary[] {
    return this.measures.list();
  }
}
