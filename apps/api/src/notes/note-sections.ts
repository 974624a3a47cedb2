import { NOTE_TEMPLATE_SECTIONS, type NoteSections, type NoteTemplate } from '@trustwork/contracts';
import { maxLength } from 'class-validator';

/** The longest section or addendum, in characters. */
export const NOTE_TEXT_MAX_LENGTH = 20_000;

/**
 * Every problem with a draft's sections, one message each: the keys must be exactly
 * the template's (an empty section is ""), each value text of at most 20,000 characters.
 */
export function sectionProblems(template: NoteTemplate, sections: Record<string, unknown>): string[] {
  const expected = NOTE_TEMPLATE_SECTIONS[template].map((section) => section.key);
  const problems: string[] = [];
  for (const key of Object.keys(sections)) {
    if (!expected.includes(key)) problems.push(`sections.${key} is not a section of the ${template} template (it has ${expected.join(', ')})`);
  }
  for (const key of expected) {
    const value = sections[key];
    if (value === undefined || value === null) problems.push(`sections.${key} is required (send "" for an empty section)`);
    else if (typeof value !== 'string') problems.push(`sections.${key} must be text`);
    else if (!maxLength(value, NOTE_TEXT_MAX_LENGTH)) problems.push(`sections.${key} must be at most ${NOTE_TEXT_MAX_LENGTH} characters`);
  }
  return problems;
}

/** The sections in the template's order, so the stored JSON never depends on the client's key order. */
export function orderedSections(template: NoteTemplate, sections: NoteSections): NoteSections {
  return Object.fromEntries(NOTE_TEMPLATE_SECTIONS[template].map((section) => [section.key, sections[section.key]]));
}

/** A decrypted body is used only if it is exactly what a save would have stored. */
export function isStoredSections(template: NoteTemplate, value: unknown): value is NoteSections {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && sectionProblems(template, value as Record<string, unknown>).length === 0;
}
