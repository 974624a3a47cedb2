import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthTokens, CurrentUser as CurrentUserView } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { RegisterPracticeDto } from './dto/register-practice.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { GiveBackOnSuccess, LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  // Every registration counts, successful or not: opening practice after practice is no honest pattern.
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('auth/register')
  register(@Body() registration: RegisterPracticeDto): Promise<AuthTokens> {
    return this.auth.register(registration);
  }

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @UseInterceptors(GiveBackOnSuccess)
  @Post('auth/login')
  @HttpCode(HttpStatus.OK)
  login(@Body() credentials: LoginDto): Promise<AuthTokens> {
    return this.auth.login(credentials);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(HttpStatus.OK)
  refresh(@Body() body: RefreshTokenDto): Promise<AuthTokens> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  logout(@Body() body: RefreshTokenDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): Promise<CurrentUserView> {
    return this.auth.currentUser(user);
  }

  @ApiBearerAuth()
  @Patch('me')
  updateMe(@CurrentUser() user: AuthenticatedUser, @Body() changes: UpdateMeDto): Promise<CurrentUserView> {
    return this.auth.updateCurrentUser(user, changes);
  }
}
