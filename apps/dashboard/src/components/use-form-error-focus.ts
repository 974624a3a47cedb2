import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * What marks an error in a form: an input Mantine flags invalid, a field's error text (a group of
 * radios or checkboxes flags no single input), or a message for the whole form (FormAlert).
 */
const ERROR_MARKS = '[aria-invalid="true"], .mantine-InputWrapper-error, [data-form-error]';
const FOCUSABLE = 'input:not([type="hidden"]):not(:disabled), textarea:not(:disabled), select:not(:disabled), button:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** Scrolls the first error in reading order into view and puts focus there (on the field's control, when it is a field's). */
export function revealFirstError(form: HTMLElement | null): void {
  const first = form?.querySelector<HTMLElement>(ERROR_MARKS);
  if (!first) return;
  const control = first.matches('.mantine-InputWrapper-error') ? first.closest('.mantine-InputWrapper-root')?.querySelector<HTMLElement>(FOCUSABLE) : null;
  const target = control ?? first;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/**
 * After a refused submit (the form's own checks or the server's 400), takes the person to the
 * first error, so a long dialog never leaves it out of sight. Put `formRef` on the <form>; call
 * `revealErrors` when a submit is refused: as the second argument of Mantine's `form.onSubmit`,
 * and after placing a server's errors (useApiFormErrors does that itself). A form that shows a
 * mutation's error as it stands passes it as `refusal` instead: it is revealed when it appears.
 */
export function useFormErrorFocus(refusal?: unknown) {
  const formRef = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  // After the render that shows the errors, so they are in the page to be found.
  useEffect(() => {
    if (refusals > 0 || refusal) revealFirstError(formRef.current);
  }, [refusals, refusal]);
  const revealErrors = useCallback(() => setRefusals((count) => count + 1), []);
  return { formRef, revealErrors };
}
