import { InvalidRequest } from '../common/errors/domain-error';

export class InvalidReminderChoice extends InvalidRequest {}
