import { NPI_PATTERN, type UpdateClinicianCredentialsRequest } from '@trustwork/contracts';
import { ClearableCodeField, ClearableTextField } from './billing-fields';

export class UpdateClinicianCredentialsDto implements UpdateClinicianCredentialsRequest {
  /** As printed on superbills: "LMFT 12345, CA". */
  @ClearableTextField('licence', 120)
  licence: string | null;

  @ClearableCodeField('npi', NPI_PATTERN, 'ten digits')
  npi: string | null;
}
