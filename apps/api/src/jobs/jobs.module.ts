import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

/** pg-boss on the application's PostgreSQL; features declare their own queues and workers. */
@Module({
  providers: [JobQueue],
  exports: [JobQueue],
})
export class JobsModule {}
