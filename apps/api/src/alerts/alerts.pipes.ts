import { recordIdPipe } from '../common/record-id-pipe';
import { AlertNotFound } from './alerts.errors';

/** An alert id that is not even a UUID cannot exist: 404 like any unknown alert. */
export const AlertIdPipe = recordIdPipe(() => new AlertNotFound());
