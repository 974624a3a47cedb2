import { ParseUUIDPipe } from '@nestjs/common';
import { CaseNotFound } from './cases.errors';

/** A case id that is not even a UUID cannot exist: 404 like any unknown case. */
export const CaseIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CaseNotFound() });
