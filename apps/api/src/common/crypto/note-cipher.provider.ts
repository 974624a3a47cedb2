import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { NoteCipher } from './note-cipher';

/** The cipher under NOTES_ENCRYPTION_KEY, for each module that stores encrypted text (notes, two-factor secrets). */
export const noteCipherProvider: Provider = {
  provide: NoteCipher,
  useFactory: (config: AppConfig) => new NoteCipher(config.notes.keyring),
  inject: [APP_CONFIG],
};
