import { Module } from '@nestjs/common';
import { MailService } from './mail.service';

/** Outgoing e-mail: SMTP, or .eml files when no server is configured. */
@Module({
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
