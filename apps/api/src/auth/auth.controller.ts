import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Patch, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthTokens, CurrentUser as CurrentUserView, LoginResponse, StepUpResult } from '@trustwork/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AllowDuringRequiredAction } from '../common/decorators/allow-during-required-action.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuthService, type SignedIn } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RegisterPracticeDto } from './dto/register-practice.dto';
import { StepUpDto } from './dto/step-up.dto';
import { TwoFactorLoginDto } from './dto/two-factor-login.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { GiveBackOnSuccess, LoginThrottlerGuard } from './login-throttler.guard';
import { clearRefreshCookie, refreshTokenOf, setRefreshCookie } from './refresh-cookie';
import { SignInClient } from './sign-in-client.decorator';
import type { SignInClient as SignInClientInfo } from './sign-in-sessions.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Every registration counts, successful or not: opening practice after practice is no honest pattern.
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('auth/register')
  async register(
    @Body() registration: RegisterPracticeDto,
    @SignInClient() client: SignInClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthTokens> {
    return this.withCookie(reply, await this.auth.register(registration, client));
  }

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @UseInterceptors(GiveBackOnSuccess)
  @Post('auth/login')
  @HttpCode(HttpStatus.OK)
  async login(@Body() credentials: LoginDto, @SignInClient() client: SignInClientInfo, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    const outcome = await this.auth.login(credentials, client);
    return 'refreshToken' in outcome ? this.withCookie(reply, outcome) : outcome;
  }

  // Wrong codes count like wrong passwords.
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @UseInterceptors(GiveBackOnSuccess)
  @Post('auth/login/two-factor')
  @HttpCode(HttpStatus.OK)
  async completeTwoFactorLogin(
    @Body() step: TwoFactorLoginDto,
    @SignInClient() client: SignInClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthTokens> {
    return this.withCookie(reply, await this.auth.completeTwoFactorLogin(step, client));
  }

  /** Reads only the refresh cookie (and asks for the dashboard's header); answers a new access token and cookie. */
  @Public()
  @Post('auth/refresh')
  @HttpCode(HttpStatus.OK)
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthTokens> {
    return this.withCookie(reply, await this.auth.refresh(refreshTokenOf(request)));
  }

  @ApiBearerAuth()
  @AllowDuringRequiredAction()
  @Post('auth/logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(user);
    clearRefreshCookie(reply, this.config);
  }

  @ApiBearerAuth()
  @AllowDuringRequiredAction()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): Promise<CurrentUserView> {
    return this.auth.currentUser(user);
  }

  @ApiBearerAuth()
  @Patch('me')
  updateMe(@CurrentUser() user: AuthenticatedUser, @Body() changes: UpdateMeDto): Promise<CurrentUserView> {
    return this.auth.updateCurrentUser(user, changes);
  }

  /** A code (or the password, without two-factor) opens the most sensitive actions for a few minutes; wrong ones count like sign-ins. */
  @ApiBearerAuth()
  @AllowDuringRequiredAction()
  @UseGuards(LoginThrottlerGuard)
  @UseInterceptors(GiveBackOnSuccess)
  @Post('me/step-up')
  @HttpCode(HttpStatus.OK)
  stepUp(@CurrentUser() user: AuthenticatedUser, @Body() proof: StepUpDto): Promise<StepUpResult> {
    return this.auth.stepUp(user, proof);
  }

  private withCookie(reply: FastifyReply, signedIn: SignedIn): AuthTokens {
    setRefreshCookie(reply, this.config, signedIn.refreshToken);
    return signedIn.tokens;
  }
}
