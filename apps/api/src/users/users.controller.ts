import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type TeamMember } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { recordIdPipe } from '../common/record-id-pipe';
import { AddTeamMemberDto } from './dto/add-team-member.dto';
import { UpdateTeamMemberDto } from './dto/update-team-member.dto';
import { TeamMemberNotFound } from './users.errors';
import { UsersService } from './users.service';

@ApiTags('team')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.ViewTeam)
  list(@CurrentUser() user: AuthenticatedUser): Promise<TeamMember[]> {
    return this.users.list(user.practiceId);
  }

  @Post()
  @RequirePermission(Permission.ManageTeam)
  add(@CurrentUser() user: AuthenticatedUser, @Body() member: AddTeamMemberDto): Promise<TeamMember> {
    return this.users.add(user, member);
  }

  @Patch(':id')
  @RequirePermission(Permission.ManageTeam)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', recordIdPipe(() => new TeamMemberNotFound())) id: string,
    @Body() changes: UpdateTeamMemberDto,
  ): Promise<TeamMember> {
    return this.users.update(user, id, changes);
  }
}
