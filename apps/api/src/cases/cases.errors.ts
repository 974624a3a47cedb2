import { ForbiddenError, InvalidRequest, NotFoundError } from '../common/errors/domain-error';

export class CaseNotFound extends NotFoundError {
  constructor() {
    super('No case with that id in your caseload.');
  }
}

export class ClinicalRecordsNotForRole extends ForbiddenError {
  constructor() {
    super('Assistants can see schedules and contact details, but not clinical records.');
  }
}

export class InvalidCaseChange extends InvalidRequest {}
