import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { MailContent } from './mail-templates';

/**
 * Sends e-mail through SMTP_URL. Without it, each message is written as an .eml file to
 * `<DATA_DIR>/mail/` instead, so development needs no mail server and nothing is lost.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;
  private readonly folder: string | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const smtpUrl = config.mail.smtpUrl;
    this.folder = smtpUrl ? null : path.join(config.dataDir, 'mail');
    this.transport = smtpUrl ? createTransport(smtpUrl) : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  onModuleInit(): void {
    if (this.folder && this.config.environment === 'production') {
      this.logger.warn(`SMTP_URL is not set: e-mails are written to ${this.folder} and not sent`);
    }
  }

  async send(to: string, content: MailContent): Promise<void> {
    const info = await this.transport.sendMail({ from: this.config.mail.from, to, ...content });
    if (!this.folder) return;
    await mkdir(this.folder, { recursive: true });
    // Sortable by time; the random part keeps two messages of the same millisecond apart.
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
    await writeFile(path.join(this.folder, name), (info as { message: Buffer }).message);
  }
}
