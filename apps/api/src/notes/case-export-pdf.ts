import {
  AGREEMENT_KIND_LABELS,
  BREACH_ROLE_LABELS,
  CASE_EVENT_KIND_LABELS,
  CASE_STATUS_LABELS,
  NOTE_TEMPLATE_LABELS,
  NOTE_TEMPLATE_SECTIONS,
  RELATIONSHIP_TYPE_LABELS,
  SAFETY_REPORT_URGENCY_LABELS,
  SESSION_MODALITY_LABELS,
  SESSION_STATUS_LABELS,
  type CaseExport,
  type ClinicianRef,
  type ExercisePrompt,
  type NoteState,
  type PracticeSummary,
} from '@trustwork/contracts';
import { CHECK_IN_RATING_KEYS, CHECK_IN_RATING_LABELS, phaseByNumber } from '@trustwork/trust-program';
import { PdfFont, renderPdf, writeDocumentText, type PdfPage } from '../common/pdf-document';

/** How far a quoted document is set in, in points. */
const QUOTE_INDENT = 18;

/** How a section reads when the record holds nothing for it. */
const NONE = 'None.';

const NOTE_STATE_WORDS: Record<NoteState, string> = { none: 'no note', draft: 'note still in draft (left out)', signed: 'signed note' };

/** Instants read in the practice's time zone, as its people live them; calendar dates as written. */
class PracticeDates {
  private readonly day: Intl.DateTimeFormat;
  private readonly dayAndTime: Intl.DateTimeFormat;
  private readonly calendar = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

  constructor(readonly timeZone: string) {
    this.day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
    this.dayAndTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
  }

  /** "4 December 2026". */
  dayOf(iso: string): string {
    return this.day.format(new Date(iso));
  }

  /** "4 December 2026 at 15:00". */
  timeOf(iso: string): string {
    return this.dayAndTime.format(new Date(iso));
  }

  /** A YYYY-MM-DD date, which names a day and no time zone. */
  dateOf(date: string): string {
    return this.calendar.format(new Date(`${date}T00:00:00Z`));
  }
}

/**
 * A CaseExport as a document a person reads: the same content as the JSON, in reading order,
 * with plain words for every coded value. The export decides what is in it; this only lays it out.
 */
export function caseExportPdf(record: CaseExport, practice: Pick<PracticeSummary, 'name' | 'timeZone'>): Promise<Buffer> {
  const dates = new PracticeDates(practice.timeZone);
  const title = record.forParticipant ? `Records of ${record.forParticipant.displayName}` : 'Case record';
  return renderPdf(title, { practiceName: practice.name, caption: `Exported ${dates.dayOf(record.exportedAt)}` }, (doc) =>
    new CaseRecordWriter(doc, record, dates).write(title, practice.name),
  );
}

class CaseRecordWriter {
  private readonly names: Map<string, string>;

  constructor(
    private readonly doc: PdfPage,
    private readonly record: CaseExport,
    private readonly dates: PracticeDates,
  ) {
    this.names = new Map(record.participants.map((participant) => [participant.id, participant.displayName]));
  }

  write(title: string, practiceName: string): void {
    const { doc, record, dates } = this;
    doc.font(PdfFont.Bold).fontSize(20).fillColor('#000000').text(title);
    doc.font(PdfFont.Body).fontSize(11).text(practiceName);
    doc.moveDown(0.3);
    this.field('Exported', `${dates.timeOf(record.exportedAt)} by ${clinician(record.exportedBy)}`);
    this.paragraph(
      record.forParticipant
        ? `This is ${record.forParticipant.displayName}'s records request: what is about them or about both people. The other person's private records are left out.`
        : 'This is the whole record of the case, for a transfer of care.',
    );
    this.paragraph(`Times are in the practice's time zone (${dates.timeZone}). Notes still in draft are not part of the record.`);

    this.theCase();
    this.people();
    this.timeline();
    this.sessions();
    this.notes();
    // A records request also holds the person's own answers; the whole case does not carry them.
    if (record.submissions) this.homework(record.submissions);
    if (record.checkIns) this.checkIns(record.checkIns);
    if (record.safetyReports) this.safetyReports(record.safetyReports);
    this.signatures();
  }

  private theCase(): void {
    const { case: found } = this.record;
    this.section('The case');
    this.field('Relationship', RELATIONSHIP_TYPE_LABELS[found.relationshipType]);
    this.field('Status', CASE_STATUS_LABELS[found.status]);
    this.field('Phase', phaseName(found.phase));
    this.field('Clinicians', found.clinicians.map(clinician).join(', ') || NONE);
    this.field('Opened', this.dates.dayOf(found.createdAt));
    if (found.closedAt) this.field('Closed', this.dates.dayOf(found.closedAt));
    this.field('Presenting concern', found.presentingConcern?.trim() || NONE);

    this.subheading('Phase history');
    this.list(found.phaseHistory, (change) =>
      this.paragraph(`${this.dates.dayOf(change.changedAt)}: ${phaseName(change.phase)}${change.changedBy ? `, by ${change.changedBy.name}` : ''}`),
    );
  }

  private people(): void {
    this.section('The people');
    for (const participant of this.record.participants) {
      this.subheading(participant.displayName);
      if (participant.pronouns) this.field('Pronouns', participant.pronouns);
      this.field('Side of the breach', BREACH_ROLE_LABELS[participant.breachRole]);
      // Present only where the JSON holds them: a records request leaves out the other person's.
      if (participant.email) this.field('E-mail', participant.email);
      if (participant.phone) this.field('Phone', participant.phone);
    }
  }

  private timeline(): void {
    this.section('Timeline');
    this.list(this.record.events, (event) => {
      this.subheading(`${this.dates.dateOf(event.occurredOn)}: ${event.title}`);
      this.field('Kind', CASE_EVENT_KIND_LABELS[event.kind]);
      this.field('About', this.about(event.participantId));
      if (event.details) this.paragraph(event.details);
    });
  }

  private sessions(): void {
    this.section('Sessions');
    this.list(this.record.sessions, (session) => {
      this.subheading(this.dates.timeOf(session.startsAt));
      this.paragraph(
        [`${session.durationMinutes} minutes`, SESSION_MODALITY_LABELS[session.modality], SESSION_STATUS_LABELS[session.status], NOTE_STATE_WORDS[session.noteState]].join(' · '),
      );
      this.field('Attended by', session.attendeeIds.map((id) => this.nameOf(id)).join(', ') || NONE);
      if (session.clinician) this.field('Clinician', session.clinician.name);
    });
  }

  private notes(): void {
    const { record } = this;
    this.section('Session notes');
    const startsAt = new Map(record.sessions.map((session) => [session.id, session.startsAt]));
    this.list(record.notes, (note) => {
      const when = startsAt.get(note.sessionId);
      this.subheading(`${when ? `Session of ${this.dates.timeOf(when)}` : 'Session'} · ${NOTE_TEMPLATE_LABELS[note.template]} note`);
      this.field('About', this.about(note.aboutParticipantId));
      if (note.signedAt) this.field('Signed', `${this.dates.timeOf(note.signedAt)}${note.signedBy ? ` by ${note.signedBy.name}` : ''}`);
      for (const section of NOTE_TEMPLATE_SECTIONS[note.template]) {
        this.label(section.label);
        this.paragraph(note.sections[section.key]?.trim() || NONE);
      }
      for (const addendum of note.addenda) {
        this.label(`Addendum, ${this.dates.timeOf(addendum.createdAt)} by ${clinician(addendum.author)}`);
        this.paragraph(addendum.body);
      }
    });
    const drafts = record.draftNotesExcluded;
    this.paragraph(
      drafts === 0 ? 'No draft notes were left out.' : `${drafts} ${drafts === 1 ? 'note' : 'notes'} still in draft ${drafts === 1 ? 'was' : 'were'} left out: drafts are not part of the record.`,
    );
  }

  private homework(submissions: NonNullable<CaseExport['submissions']>): void {
    this.section('Homework answers');
    this.list(submissions, (submission) => {
      this.subheading(`${submission.title}, for ${this.dates.dateOf(submission.occurrenceOn)}`);
      this.field('Sent', this.dates.timeOf(submission.submittedAt));
      this.field('Shared with the other person', submission.shared ? 'Yes' : 'No');
      for (const prompt of submission.prompts) {
        this.label(prompt.label);
        this.paragraph(answerText(prompt, submission.answers[prompt.key], this.dates) ?? 'No answer.');
      }
    });
  }

  private checkIns(checkIns: NonNullable<CaseExport['checkIns']>): void {
    this.section('Check-ins');
    this.list(checkIns, (checkIn) => {
      this.subheading(this.dates.timeOf(checkIn.submittedAt));
      this.paragraph(CHECK_IN_RATING_KEYS.map((key) => `${CHECK_IN_RATING_LABELS[key]}: ${checkIn[key]} of 10`).join(' · '));
      if (checkIn.note) this.field('Note', checkIn.note);
    });
  }

  private safetyReports(reports: NonNullable<CaseExport['safetyReports']>): void {
    this.section('Safety reports');
    this.list(reports, (report) => {
      this.subheading(`${this.dates.timeOf(report.submittedAt)} · ${SAFETY_REPORT_URGENCY_LABELS[report.urgency]}`);
      this.paragraph(report.message);
      this.field(
        'Seen by the practice',
        report.acknowledgedAt ? `${this.dates.timeOf(report.acknowledgedAt)}${report.acknowledgedBy ? ` by ${report.acknowledgedBy.name}` : ''}` : 'Not yet',
      );
    });
  }

  private signatures(): void {
    this.section('Signed agreements');
    this.list(this.record.signatures, (signature) => {
      this.subheading(`${signature.title}, signed by ${this.nameOf(signature.participantId)}`);
      this.field('Kind', AGREEMENT_KIND_LABELS[signature.kind]);
      this.field('Version', String(signature.version));
      this.field('Signed', this.dates.timeOf(signature.signedAt));
      this.field('Typed name', signature.typedName);
      if (signature.ipAddress) this.field('From the address', signature.ipAddress);
      if (signature.userAgent) this.field('Browser', signature.userAgent);
      this.label('SHA-256 of the text signed');
      // Fixed-width, on one line, so it can be compared by eye with a fresh hash of the text.
      this.doc.font(PdfFont.Mono).fontSize(9).fillColor('#000000').text(signature.documentHash);
      this.label('The text as it was signed');
      this.indented(() => writeDocumentText(this.doc, signature.text));
    });
  }

  // Layout

  private section(title: string): void {
    const { doc } = this;
    // A heading never sits alone at the foot of a page.
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    else doc.moveDown(1);
    doc.font(PdfFont.Bold).fontSize(15).fillColor('#000000').text(title);
    doc.moveDown(0.3);
  }

  private subheading(text: string): void {
    this.doc.moveDown(0.4).font(PdfFont.Bold).fontSize(11.5).fillColor('#000000').text(text);
  }

  private label(text: string): void {
    this.doc.moveDown(0.2).font(PdfFont.Bold).fontSize(10).fillColor('#333333').text(text);
  }

  private field(name: string, value: string): void {
    this.doc.font(PdfFont.Bold).fontSize(10).fillColor('#000000').text(`${name}: `, { continued: true }).font(PdfFont.Body).text(value);
  }

  private paragraph(text: string): void {
    this.doc.font(PdfFont.Body).fontSize(10).fillColor('#000000').text(text);
  }

  /** A document quoted inside the record, set in from the margin so its headings read as its own. */
  private indented(write: () => void): void {
    const { doc } = this;
    const margin = doc.page.margins.left;
    doc.page.margins.left = margin + QUOTE_INDENT;
    doc.x = margin + QUOTE_INDENT;
    write();
    doc.page.margins.left = margin;
    doc.x = margin;
  }

  /** Each item, or "None." for an empty list. */
  private list<T>(items: readonly T[], write: (item: T) => void): void {
    if (items.length === 0) this.paragraph(NONE);
    for (const item of items) write(item);
  }

  private nameOf(participantId: string): string {
    return this.names.get(participantId) ?? 'A former participant';
  }

  private about(participantId: string | null): string {
    return participantId === null ? 'Both people' : `${this.nameOf(participantId)} only`;
  }
}

function clinician(ref: ClinicianRef | null): string {
  return ref?.name || 'a former team member';
}

function phaseName(number: number): string {
  const phase = phaseByNumber(number);
  return phase ? `${number}, ${phase.title}` : String(number);
}

/** One answer in words, as its question asked for it; null when it was left blank. */
function answerText(prompt: ExercisePrompt, value: unknown, dates: PracticeDates): string | null {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  switch (prompt.type) {
    case 'scale':
      return `${String(value)} of ${prompt.max} (${prompt.min} is "${prompt.minLabel}", ${prompt.max} is "${prompt.maxLabel}")`;
    case 'yes-no':
      return value ? 'Yes' : 'No';
    case 'choice':
      return (Array.isArray(value) ? value : [value]).map((key) => prompt.options.find((option) => option.key === key)?.label ?? String(key)).join(', ');
    case 'date':
      return typeof value === 'string' ? dates.dateOf(value) : String(value);
    case 'text':
      return String(value);
  }
}
