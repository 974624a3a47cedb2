import type { ConfirmTwoFactorRequest, TwoFactorCodeRequest } from '@trustwork/contracts';
import { TwoFactorCodeField } from '../../common/dto-fields';

/** A code from the person's authenticator app: confirming set-up, turning it off, new recovery codes. */
export class TwoFactorCodeDto implements TwoFactorCodeRequest, ConfirmTwoFactorRequest {
  @TwoFactorCodeField()
  code: string;
}
