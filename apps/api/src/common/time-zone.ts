import { registerDecorator, type ValidationOptions } from 'class-validator';

// An Area/Location name, or UTC. Abbreviations name no place: the runtime reads "EST" as Panama, without daylight saving.
const ZONE_NAME = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

/** True for an IANA time zone name this runtime knows, such as Europe/London. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64 || !ZONE_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function IsTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({ name: 'isTimeZone', target: target.constructor, propertyName, options, validator: { validate: isTimeZone } });
}
