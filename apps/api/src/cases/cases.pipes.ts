import { recordIdPipe } from '../common/record-id-pipe';
import { CaseNotFound } from './cases.errors';

/** A case id that is not even a UUID cannot exist: 404 like any unknown case. */
export const CaseIdPipe = recordIdPipe(() => new CaseNotFound());
