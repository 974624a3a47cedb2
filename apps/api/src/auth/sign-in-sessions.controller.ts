import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type SignInSession } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { recordIdPipe } from '../common/record-id-pipe';
import { TeamMemberNotFound } from '../users/users.errors';
import { SignInSessionNotFound } from './auth.errors';
import { SignInSessionsService } from './sign-in-sessions.service';

/** "Your signed-in devices", and the owner's sign-out of a member everywhere. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller()
export class SignInSessionsController {
  constructor(private readonly sessions: SignInSessionsService) {}

  @Get('me/sessions')
  list(@CurrentUser() user: AuthenticatedUser): Promise<SignInSession[]> {
    return this.sessions.list(user);
  }

  @Delete('me/sessions/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(@CurrentUser() user: AuthenticatedUser, @Param('id', recordIdPipe(() => new SignInSessionNotFound())) id: string): Promise<void> {
    return this.sessions.revoke(user, id);
  }

  @Post('me/sessions/sign-out-others')
  @HttpCode(HttpStatus.NO_CONTENT)
  signOutOthers(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.sessions.signOutOthers(user);
  }

  @Post('users/:id/sign-out')
  @RequirePermission(Permission.ManageTeam)
  @HttpCode(HttpStatus.NO_CONTENT)
  signOutMember(@CurrentUser() user: AuthenticatedUser, @Param('id', recordIdPipe(() => new TeamMemberNotFound())) id: string): Promise<void> {
    return this.sessions.signOutMember(user, id);
  }
}
