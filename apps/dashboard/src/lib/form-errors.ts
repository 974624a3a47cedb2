import { type ApiRequestError } from './api-client';

export interface SplitApiErrors<Field extends string> {
  fieldErrors: Partial<Record<Field, string>>;
  /** Messages that belong to no single field; shown above the form. */
  formMessages: string[];
}

/**
 * A 400 lists one message per invalid field, each starting with the field's name
 * ("email must be an email"); put each one under its input.
 */
export function splitApiErrors<Field extends string>(
  error: ApiRequestError,
  fields: readonly Field[],
): SplitApiErrors<Field> {
  const fieldErrors: Partial<Record<Field, string>> = {};
  const formMessages: string[] = [];
  for (const message of error.messages) {
    const field = error.status === 400 ? fields.find((name) => message.startsWith(`${name} `)) : undefined;
    if (field && !fieldErrors[field]) fieldErrors[field] = message;
    else formMessages.push(message);
  }
  return { fieldErrors, formMessages };
}
