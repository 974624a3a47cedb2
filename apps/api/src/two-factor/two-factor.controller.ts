import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type RecoveryCodes, type TwoFactorEnrolment, type TwoFactorStatus } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AllowDuringRequiredAction } from '../common/decorators/allow-during-required-action.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { RequireRecentStepUp } from '../common/decorators/require-recent-step-up.decorator';
import { recordIdPipe } from '../common/record-id-pipe';
import { TeamMemberNotFound } from '../users/users.errors';
import { TwoFactorCodeDto } from './dto/two-factor-code.dto';
import { TwoFactorService } from './two-factor.service';

@ApiTags('two-factor')
@ApiBearerAuth()
@Controller()
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Get('me/two-factor')
  @AllowDuringRequiredAction()
  status(@CurrentUser() user: AuthenticatedUser): Promise<TwoFactorStatus> {
    return this.twoFactor.status(user);
  }

  // A fresh sign-in counts as a step-up, so a member sent here by the practice's requirement can start at once.
  @Post('me/two-factor/enrolment')
  @AllowDuringRequiredAction()
  @RequireRecentStepUp()
  startEnrolment(@CurrentUser() user: AuthenticatedUser): Promise<TwoFactorEnrolment> {
    return this.twoFactor.startEnrolment(user);
  }

  @Post('me/two-factor')
  @AllowDuringRequiredAction()
  confirmEnrolment(@CurrentUser() user: AuthenticatedUser, @Body() body: TwoFactorCodeDto): Promise<RecoveryCodes> {
    return this.twoFactor.confirmEnrolment(user, body.code);
  }

  // The code in the body is the proof of presence that a change to two-factor needs.
  @Post('me/two-factor/recovery-codes')
  regenerateRecoveryCodes(@CurrentUser() user: AuthenticatedUser, @Body() body: TwoFactorCodeDto): Promise<RecoveryCodes> {
    return this.twoFactor.regenerateRecoveryCodes(user, body.code);
  }

  @Post('me/two-factor/disable')
  @HttpCode(HttpStatus.NO_CONTENT)
  disable(@CurrentUser() user: AuthenticatedUser, @Body() body: TwoFactorCodeDto): Promise<void> {
    return this.twoFactor.disable(user, body.code);
  }

  @Delete('users/:id/two-factor')
  @RequirePermission(Permission.ManageTeam)
  @HttpCode(HttpStatus.NO_CONTENT)
  reset(@CurrentUser() user: AuthenticatedUser, @Param('id', recordIdPipe(() => new TeamMemberNotFound())) id: string): Promise<void> {
    return this.twoFactor.reset(user, id);
  }
}
