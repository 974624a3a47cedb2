import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Attention } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { AttentionService } from './attention.service';
import { AttentionQueryDto } from './dto/attention-query.dto';

@ApiTags('attention')
@ApiBearerAuth()
@Controller('attention')
export class AttentionController {
  constructor(private readonly attention: AttentionService) {}

  /** Home's "Needs your attention" and the count beside Home in the navigation. */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: AttentionQueryDto): Promise<Attention> {
    return this.attention.list(user, query);
  }
}
