import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { AppConfig } from '../config/app-config';
import { pinoOptions } from './logging';

describe('the production log', () => {
  it('writes a lone line of a quiet server within a couple of seconds, not only once 4 kB have gathered', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-log-'));
    const logFile = path.join(directory, 'api.log');
    const { stream } = pinoOptions({ logLevel: 'info', environment: 'production', logFile } as AppConfig);
    try {
      pino({}, stream).info('one quiet line');
      const deadline = Date.now() + 3000;
      while (!(fs.existsSync(logFile) && fs.readFileSync(logFile, 'utf8').includes('one quiet line')) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(fs.readFileSync(logFile, 'utf8')).toContain('one quiet line');
    } finally {
      (stream as unknown as { end(): void }).end();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
