import { Body, Controller, Delete, Get, HttpCode, Param, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CalendarFeed } from '@trustwork/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { CalendarFeedThrottlerGuard } from './calendar-feed-throttler.guard';
import { CalendarFeedsService } from './calendar-feeds.service';
import { UpdateCalendarFeedDto } from './dto/update-calendar-feed.dto';

/** The signed-in member's own feed: every role may have one. */
@ApiTags('calendar-feeds')
@ApiBearerAuth()
@Controller('me/calendar-feed')
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get()
  read(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeed> {
    return this.feeds.read(user);
  }

  /** The answer carries `url` only when a new address was made; it is never shown again. */
  @Put()
  update(@CurrentUser() user: AuthenticatedUser, @Body() request: UpdateCalendarFeedDto): Promise<CalendarFeed> {
    return this.feeds.update(user, request);
  }

  @Delete()
  @HttpCode(204)
  revoke(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.feeds.revoke(user);
  }
}

/** What calendar apps fetch: no sign-in, the secret address alone, rate limited before it is looked up. */
@ApiTags('calendar-feeds')
@Controller('calendar-feeds')
export class CalendarFeedFileController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get(':file')
  @Public()
  @UseGuards(CalendarFeedThrottlerGuard)
  @ApiOkResponse({ description: 'The member’s sessions as iCalendar (`<token>.ics`).' })
  async calendar(@Param('file') file: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const calendar = await this.feeds.calendar(file, { ipAddress: request.ip ?? null, requestId: typeof request.id === 'string' ? request.id : null });
    // Set only on success: a refusal is the usual JSON error.
    reply.header('Content-Type', 'text/calendar; charset=utf-8').header('Cache-Control', 'private, no-store');
    return calendar;
  }
}
