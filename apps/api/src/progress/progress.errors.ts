import { InvalidRequest } from '../common/errors/domain-error';

/** Dates that are each fine but make no range the chart can show (backwards, or too long). */
export class InvalidProgressRange extends InvalidRequest {}
