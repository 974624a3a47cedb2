import type { SetCaseAgreementsRequest } from '@trustwork/contracts';
import { AgreementIdsField } from './agreement-fields';

export class SetCaseAgreementsDto implements SetCaseAgreementsRequest {
  @AgreementIdsField('agreementIds')
  agreementIds: string[];
}
