import { NotFoundError } from '../common/errors/domain-error';

export class AlertNotFound extends NotFoundError {
  constructor() {
    super('No alert with that id in your caseload.');
  }
}
