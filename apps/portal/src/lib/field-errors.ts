import type { SendState } from './use-portal-send';

/**
 * The API's 400 messages each begin with what they are about: a question's label
 * ("How did it feel needs an answer") or a field's name ("note must be …"). This puts
 * each under the field it names; every message is also listed at the top of the form.
 */
function placeMessages(messages: readonly string[], fields: Readonly<Record<string, readonly string[]>>): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const message of messages) {
    const lower = message.toLowerCase();
    let best: { field: string; length: number } | null = null;
    for (const [field, prefixes] of Object.entries(fields)) {
      for (const prefix of prefixes) {
        const start = prefix.toLowerCase();
        if (start && lower.startsWith(start) && (!best || start.length > best.length)) {
          best = { field, length: start.length };
        }
      }
    }
    if (best && !byField[best.field]) byField[best.field] = message;
  }
  return byField;
}

/**
 * A form's errors by field and in one list: the API's after a refused send, else the
 * form's own checks. `fields` names, per field, how the API's messages about it begin.
 */
export function formErrors(
  send: SendState,
  problems: Readonly<Record<string, string>>,
  fields: Readonly<Record<string, readonly string[]>>,
): { errors: Record<string, string>; summary: readonly string[] } {
  if (send.state === 'refused') return { errors: placeMessages(send.messages, fields), summary: send.messages };
  return { errors: { ...problems }, summary: Object.values(problems) };
}

/** A question's label as the subject of a sentence, as the API words its messages. */
export function subjectOf(label: string): string {
  return label.trim().replace(/[.:]+$/, '');
}

/** Length as a person counts it (an emoji is one character), as the API counts it. */
export function textLength(value: string): number {
  return Array.from(value).length;
}
