import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CalendarFeedRecord } from './calendar-feed.entity';
import { CalendarFeedFileController, CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';

/** Each team member's calendar feed: their sessions, initials only, for Google, Apple or Outlook. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarFeedRecord]), AuditModule],
  controllers: [CalendarFeedsController, CalendarFeedFileController],
  providers: [CalendarFeedsService],
})
export class CalendarFeedsModule {}
