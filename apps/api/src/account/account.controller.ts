import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GiveBackOnSuccess, LoginThrottlerGuard } from '../auth/login-throttler.guard';
import { SignInClient } from '../auth/sign-in-client.decorator';
import type { SignInClient as SignInClientInfo } from '../auth/sign-in-sessions.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AllowDuringRequiredAction } from '../common/decorators/allow-during-required-action.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { AccountService } from './account.service';
import { ChangeEmailDto } from './dto/change-email.dto';
import { ChangePasswordDto } from './dto/change-password.dto';
import { CompletePasswordResetDto, ConfirmEmailDto } from './dto/emailed-link.dto';
import { PasswordResetDto } from './dto/password-reset.dto';

/** One's own password and e-mail address, and "Forgot password?". */
@ApiTags('account')
@Controller()
export class AccountController {
  constructor(private readonly account: AccountService) {}

  // Wrong current passwords count like failed sign-ins; the right one gives its slot back.
  @ApiBearerAuth()
  @AllowDuringRequiredAction()
  @UseGuards(LoginThrottlerGuard)
  @UseInterceptors(GiveBackOnSuccess)
  @Post('me/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  changePassword(@CurrentUser() user: AuthenticatedUser, @Body() change: ChangePasswordDto): Promise<void> {
    return this.account.changePassword(user, change);
  }

  @ApiBearerAuth()
  @UseGuards(LoginThrottlerGuard)
  @UseInterceptors(GiveBackOnSuccess)
  @Post('me/email')
  @HttpCode(HttpStatus.ACCEPTED)
  changeEmail(@CurrentUser() user: AuthenticatedUser, @Body() change: ChangeEmailDto): Promise<void> {
    return this.account.requestEmailChange(user, change);
  }

  @Public()
  @Post('auth/email-confirmation')
  @HttpCode(HttpStatus.NO_CONTENT)
  confirmEmail(@Body() confirmation: ConfirmEmailDto, @SignInClient() client: SignInClientInfo): Promise<void> {
    return this.account.confirmEmail(confirmation.token, client);
  }

  // Every request counts, per address and per e-mail: each one sends an e-mail.
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('auth/password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  requestPasswordReset(@Body() request: PasswordResetDto, @SignInClient() client: SignInClientInfo): Promise<void> {
    return this.account.requestPasswordReset(request.email, client);
  }

  @Public()
  @Post('auth/password-reset/complete')
  @HttpCode(HttpStatus.NO_CONTENT)
  completePasswordReset(@Body() reset: CompletePasswordResetDto, @SignInClient() client: SignInClientInfo): Promise<void> {
    return this.account.completePasswordReset(reset, client);
  }
}
