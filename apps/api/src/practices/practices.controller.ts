import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type PracticeSummary } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { UpdatePracticeDto } from './dto/update-practice.dto';
import { PracticesService } from './practices.service';

/** The signed-in user's own practice: its name, the time zone its calendar uses, and its sign-in rules. */
@ApiTags('practice')
@ApiBearerAuth()
@Controller('practice')
export class PracticesController {
  constructor(private readonly practices: PracticesService) {}

  @Get()
  current(@CurrentUser() user: AuthenticatedUser): Promise<PracticeSummary> {
    return this.practices.summary(user.practiceId);
  }

  @Patch()
  @RequirePermission(Permission.ManageSettings)
  update(@CurrentUser() user: AuthenticatedUser, @Body() changes: UpdatePracticeDto): Promise<PracticeSummary> {
    return this.practices.update(user, changes);
  }
}
