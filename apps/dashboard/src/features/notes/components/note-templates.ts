import { NOTE_TEMPLATE_SECTIONS, type NoteSections, type NoteTemplate } from '@trustwork/contracts';

/** What the therapist is writing: a template, one text per section of it, and whom it is about (null: both). */
export interface NoteDraft {
  template: NoteTemplate;
  sections: NoteSections;
  aboutParticipantId: string | null;
}

/** The API's limit for one section or addendum, in characters. */
export const NOTE_TEXT_MAX_LENGTH = 20_000;

/** One line on when each template suits, for choosing between them. */
export const NOTE_TEMPLATE_DESCRIPTIONS: Record<NoteTemplate, string> = {
  soap: 'Subjective, Objective, Assessment, Plan. Keeps what each person reports apart from what you observe.',
  dap: 'Data, Assessment, Plan. A shorter structure when reports and observations belong together.',
  birp: 'Behaviour, Intervention, Response, Plan. Centres on what you did in the session and how each person took it.',
  free: 'One open field, for a brief note or a structure of your own.',
};

export function emptyDraft(template: NoteTemplate, aboutParticipantId: string | null): NoteDraft {
  return { template, sections: Object.fromEntries(NOTE_TEMPLATE_SECTIONS[template].map(({ key }) => [key, ''])), aboutParticipantId };
}

export function draftHasText(draft: NoteDraft | null): boolean {
  return draft !== null && Object.values(draft.sections).some((text) => text.trim() !== '');
}

/** The sections of `draft` that `template` lacks and that hold text: they move when switching. */
export function sectionsToMove(draft: NoteDraft, template: NoteTemplate) {
  const kept = new Set(NOTE_TEMPLATE_SECTIONS[template].map(({ key }) => key));
  return NOTE_TEMPLATE_SECTIONS[draft.template].filter(({ key }) => !kept.has(key) && draft.sections[key]?.trim());
}

/**
 * The draft rewritten for another template without losing a word: sections both templates
 * share (Assessment, Plan) keep their text; text from sections the new template lacks goes
 * to the top of its first section, each under its old label, for the therapist to rearrange.
 */
export function switchTemplate(draft: NoteDraft, template: NoteTemplate): NoteDraft {
  const next = emptyDraft(template, draft.aboutParticipantId);
  for (const key of Object.keys(next.sections)) next.sections[key] = draft.sections[key] ?? '';
  const moved = sectionsToMove(draft, template).map(({ key, label }) => `${label}:\n${draft.sections[key].trim()}`);
  if (moved.length > 0) {
    const [first] = NOTE_TEMPLATE_SECTIONS[template];
    next.sections[first.key] = [...moved, next.sections[first.key]].filter((text) => text.trim() !== '').join('\n\n');
  }
  return next;
}

/** The whole draft as plain text, labelled by section: for copying it elsewhere. */
export function draftAsText(draft: NoteDraft): string {
  return NOTE_TEMPLATE_SECTIONS[draft.template]
    .map(({ key, label }) => `${label}\n${draft.sections[key] ?? ''}`.trim())
    .join('\n\n');
}
