import type { PipeTransform } from '@nestjs/common';
import { recordIdPipe } from '../common/record-id-pipe';
import { parseAgreementRef, type AgreementRef } from './agreement-catalog.service';
import { AgreementNotFound, CaseAgreementNotFound, SignatureNotFound } from './agreements.errors';

/** `builtin:<key>` or a template's UUID; anything else cannot name an agreement, so it is answered as an unknown one. */
function agreementIdPipe(notFound: () => Error): PipeTransform<string, AgreementRef> {
  return {
    transform(id: string): AgreementRef {
      const ref = parseAgreementRef(id);
      if (!ref) throw notFound();
      return ref;
    },
  };
}

/** In the practice's library. */
export const AgreementIdPipe = agreementIdPipe(() => new AgreementNotFound());
/** In the portal: an id that cannot be one of the case's agreements is not one. */
export const CaseAgreementIdPipe = agreementIdPipe(() => new CaseAgreementNotFound());

export const SignatureIdPipe = recordIdPipe(() => new SignatureNotFound());
