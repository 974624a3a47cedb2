import { InvalidRequest } from '../common/errors/domain-error';

/**
 * An intake whose fields are each fine but do not fit together (a linked person sent with
 * new details, an exercise for a person not named); each problem is listed under its field
 * path, as for DTO errors.
 */
export class InvalidIntake extends InvalidRequest {}
