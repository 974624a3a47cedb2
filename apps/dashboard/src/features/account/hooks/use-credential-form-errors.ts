import { type UseFormReturnType } from '@mantine/form';
import { isApiRequestError } from '../../../lib/api-client';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { isStepUpRequired } from './use-step-up';

const CREDENTIAL_REFUSALS = [401, 403, 429];

/**
 * useApiFormErrors for a form that proves who is typing: a wrong password or code (or too many
 * of them) is a refusal rather than a 400, and belongs under the field it is about.
 */
export function useCredentialFormErrors<Values, Field extends string>(
  form: UseFormReturnType<Values>,
  fields: readonly Field[],
  credential: Field,
) {
  const apiErrors = useApiFormErrors(form, fields);
  const show = (error: Error) => {
    if (!isApiRequestError(error) || !CREDENTIAL_REFUSALS.includes(error.status) || isStepUpRequired(error) || error.body.code) {
      apiErrors.show(error);
      return;
    }
    form.setFieldError(credential, error.message);
    apiErrors.revealErrors();
  };
  return { ...apiErrors, show };
}
