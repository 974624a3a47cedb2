import { useState } from 'react';
import { type UseFormReturnType } from '@mantine/form';
import { useFormErrorFocus } from '../components/use-form-error-focus';
import { isApiRequestError } from './api-client';
import { splitApiErrors } from './form-errors';

/**
 * Puts a failed save's messages where they belong: each field's under its input (by the
 * API's field name, or the form path `fieldPath` gives it), the rest above the form; then
 * takes the person to the first of them. Put `formRef` on the <form> and pass `revealErrors`
 * to `form.onSubmit` as its second argument, so the form's own checks do the same.
 */
export function useApiFormErrors<Values, Field extends string>(
  form: UseFormReturnType<Values>,
  fields: readonly Field[],
  fieldPath: (field: Field) => string | null = (field) => field,
) {
  const [messages, setMessages] = useState<string[]>([]);
  const { formRef, revealErrors } = useFormErrorFocus();

  const show = (error: Error) => {
    revealErrors();
    if (!isApiRequestError(error)) {
      setMessages([error.message]);
      return;
    }
    const { fieldErrors, formMessages } = splitApiErrors(error, fields);
    const unplaced: string[] = [];
    const placed: Record<string, string> = {};
    for (const field of fields) {
      const message = fieldErrors[field];
      if (!message) continue;
      const path = fieldPath(field);
      // Under its input, the message needs no path: "participants.0.email must be…" reads "email must be…".
      if (path) placed[path] = message.replace(/^\S+\.(\w+) /, '$1 ');
      else unplaced.push(message);
    }
    form.setErrors(placed);
    setMessages([...unplaced, ...formMessages]);
  };

  return { messages, show, clear: () => setMessages([]), formRef, revealErrors };
}
