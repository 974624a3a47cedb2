import { NotFoundError } from '../common/errors/domain-error';

export class SafetyReportNotFound extends NotFoundError {
  constructor() {
    super('No safety report with that id in your caseload.');
  }
}
