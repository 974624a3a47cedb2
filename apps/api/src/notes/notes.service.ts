import { Injectable, Logger } from '@nestjs/common';
import type { NoteAddendum, NoteTemplate, SessionNote } from '@trustwork/contracts';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CiphertextUnreadable, NoteCipher } from '../common/crypto/note-cipher';
import { AuditService } from '../audit/audit.service';
import { PracticeScope } from '../database/practice-scope';
import { SessionsService } from '../sessions/sessions.service';
import type { AddAddendumDto } from './dto/add-addendum.dto';
import type { SaveNoteDto } from './dto/save-note.dto';
import { NoteAddendumRecord } from './note-addendum.entity';
import { NoteRecord } from './note.entity';
import { isStoredSections, orderedSections, sectionProblems } from './note-sections';
import {
  InvalidNote,
  InvalidNoteVersion,
  NoteAboutUnknownParticipant,
  NoteAlreadyExists,
  NoteAlreadySigned,
  NoteIsSigned,
  NoteNotCreatedYet,
  NoteNotFound,
  NoteNotSignedYet,
  NoteUnreadable,
  NoteVersionConflict,
  OnlyAuthorCanSign,
} from './notes.errors';

interface NoteRow {
  session_id: string;
  template: NoteTemplate;
  body_encrypted: Buffer;
  key_id: string;
  status: 'draft' | 'signed';
  about_participant_id: string | null;
  version: number;
  updated_at: Date;
  signed_at: Date | null;
  author_id: string | null;
  author_name: string | null;
  signed_by_id: string | null;
  signed_by_name: string | null;
}

interface AddendumRow {
  id: string;
  body_encrypted: Buffer;
  key_id: string;
  created_at: Date;
  author_id: string | null;
  author_name: string | null;
}

const NOTE_SELECT = `
  SELECT n.session_id, n.template, n.body_encrypted, n.key_id, n.status, n.about_participant_id, n.version, n.updated_at, n.signed_at,
         a.id AS author_id, a.name AS author_name, sb.id AS signed_by_id, sb.name AS signed_by_name
  FROM notes n
  LEFT JOIN users a ON a.id = n.author_id
  LEFT JOIN users sb ON sb.id = n.signed_by`;

/**
 * Each ciphertext is bound to its row: a note body to its session (and template), an
 * addendum to its own id and session. Copied anywhere else, it no longer decrypts.
 */
const noteAssociatedData = (sessionId: string, template: NoteTemplate) => `notes:${sessionId}:${template}`;
const addendumAssociatedData = (sessionId: string, addendumId: string) => `note_addenda:${sessionId}:${addendumId}`;

/** If-Match as a version: `4` or `"4"` (the version is the note's entity tag). */
const IF_MATCH_VERSION = /^\s*"?(\d{1,10})"?\s*$/;

/**
 * One note per session: drafts saved with optimistic versioning, signed by their author
 * and then frozen, with addenda after signing. Owners and the case's clinicians only;
 * assistants are refused (403) on every route. Every read and write is audited.
 */
@Injectable()
export class NotesService {
  private readonly logger = new Logger(NotesService.name);

  constructor(
    private readonly scope: PracticeScope,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly cipher: NoteCipher,
  ) {}

  /** The session's note, or null while it has none: an ordinary state, and nothing read to audit. */
  async read(user: AuthenticatedUser, sessionId: string): Promise<SessionNote | null> {
    const session = await this.sessions.open(user, sessionId, { clinical: true });
    const note = await this.describe(user, sessionId);
    if (!note) return null;
    await this.audit.record(user.practiceId, { action: 'note.read', recordType: 'note', recordId: sessionId, caseId: session.caseId });
    return note;
  }

  async save(user: AuthenticatedUser, sessionId: string, request: SaveNoteDto, ifMatch: string | undefined): Promise<SessionNote> {
    const session = await this.sessions.open(user, sessionId, { clinical: true });
    const basedOn = resolveVersion(request.version, ifMatch);
    const problems = sectionProblems(request.template, request.sections);
    if (problems.length > 0) throw new InvalidNote(problems);
    if (request.aboutParticipantId) await this.checkAbout(user, session.caseId, request.aboutParticipantId);
    // Left out, a new note is joint and a saved draft keeps whom it is about.
    const changesAbout = request.aboutParticipantId !== undefined;
    const about = request.aboutParticipantId ?? null;

    const plaintext = JSON.stringify(orderedSections(request.template, request.sections));
    const encrypted = this.cipher.encrypt(plaintext, noteAssociatedData(sessionId, request.template));
    // Both statements are conditional, so two saves racing on one version cannot both win.
    const written: unknown[] =
      basedOn === 0
        ? await this.scope.manager.query(
            `INSERT INTO notes (session_id, practice_id, template, body_encrypted, key_id, status, version, author_id, about_participant_id)
             VALUES ($1, $2, $3, $4, $5, 'draft', 1, $6, $7)
             ON CONFLICT (session_id) DO NOTHING RETURNING version`,
            [sessionId, user.practiceId, request.template, encrypted.data, encrypted.keyId, user.id, about],
          )
        : firstResult(
            await this.scope.manager.query(
              `UPDATE notes SET template = $3, body_encrypted = $4, key_id = $5, version = version + 1, updated_at = now(),
                 about_participant_id = CASE WHEN $7::boolean THEN $8::uuid ELSE about_participant_id END
               WHERE practice_id = $1 AND session_id = $2 AND status = 'draft' AND version = $6 RETURNING version`,
              [user.practiceId, sessionId, request.template, encrypted.data, encrypted.keyId, basedOn, changesAbout, about],
            ),
          );
    if (written.length === 0) throw await this.whySaveFailed(user, sessionId, basedOn);

    await this.audit.record(user.practiceId, { action: 'note.save', recordType: 'note', recordId: sessionId, caseId: session.caseId });
    return this.describeExisting(user, sessionId);
  }

  async sign(user: AuthenticatedUser, sessionId: string): Promise<SessionNote> {
    const session = await this.sessions.open(user, sessionId, { clinical: true });
    const signed = firstResult(
      await this.scope.manager.query(
        `UPDATE notes SET status = 'signed', signed_at = now(), signed_by = $3
         WHERE practice_id = $1 AND session_id = $2 AND status = 'draft' AND author_id = $3 RETURNING session_id`,
        [user.practiceId, sessionId, user.id],
      ),
    );
    if (signed.length === 0) {
      const current = await this.state(user, sessionId);
      if (!current) throw new NoteNotFound();
      if (current.status === 'signed') throw new NoteAlreadySigned();
      throw new OnlyAuthorCanSign();
    }
    await this.audit.record(user.practiceId, { action: 'note.sign', recordType: 'note', recordId: sessionId, caseId: session.caseId });
    return this.describeExisting(user, sessionId);
  }

  async addAddendum(user: AuthenticatedUser, sessionId: string, request: AddAddendumDto): Promise<SessionNote> {
    const session = await this.sessions.open(user, sessionId, { clinical: true });
    // A signed note never goes back to draft, so the check cannot go stale.
    const current = await this.state(user, sessionId);
    if (!current) throw new NoteNotFound();
    if (current.status !== 'signed') throw new NoteNotSignedYet();

    const id = randomUUID();
    const encrypted = this.cipher.encrypt(request.body, addendumAssociatedData(sessionId, id));
    await this.scope.repository(NoteAddendumRecord).insert({
      id,
      practiceId: user.practiceId,
      sessionId,
      bodyEncrypted: encrypted.data,
      keyId: encrypted.keyId,
      authorId: user.id,
    });
    await this.audit.record(user.practiceId, { action: 'note.addendum', recordType: 'note', recordId: sessionId, caseId: session.caseId });
    return this.describeExisting(user, sessionId);
  }

  /**
   * The signed notes of a case with their addenda, oldest session first: for the case export.
   * With `forParticipant`, only joint notes and those about that participant. No access check, no audit.
   */
  async signedNotesOfCase(user: AuthenticatedUser, caseId: string, forParticipant?: string): Promise<SessionNote[]> {
    const rows: { session_id: string }[] = await this.scope.manager.query(
      `SELECT n.session_id FROM notes n JOIN sessions s ON s.id = n.session_id
       WHERE n.practice_id = $1 AND s.case_id = $2 AND n.status = 'signed'
         AND ($3::uuid IS NULL OR n.about_participant_id IS NULL OR n.about_participant_id = $3::uuid)
       ORDER BY s.starts_at, s.created_at, s.id`,
      [user.practiceId, caseId, forParticipant ?? null],
    );
    return this.describeMany(
      user,
      rows.map((row) => row.session_id),
    );
  }

  /** A note may be about one of its own case's participants only. */
  private async checkAbout(user: AuthenticatedUser, caseId: string, participantId: string): Promise<void> {
    const [found]: unknown[] = await this.scope.manager.query(`SELECT 1 FROM participants WHERE practice_id = $1 AND case_id = $2 AND id = $3`, [
      user.practiceId,
      caseId,
      participantId,
    ]);
    if (!found) throw new NoteAboutUnknownParticipant();
  }

  private async whySaveFailed(user: AuthenticatedUser, sessionId: string, basedOn: number): Promise<Error> {
    const current = await this.state(user, sessionId);
    if (!current) return new NoteNotCreatedYet();
    if (current.status === 'signed') return new NoteIsSigned();
    if (basedOn === 0) return new NoteAlreadyExists(current.version);
    return new NoteVersionConflict(current.version);
  }

  private state(user: AuthenticatedUser, sessionId: string): Promise<Pick<NoteRecord, 'version' | 'status'> | null> {
    return this.scope.repository(NoteRecord).findOne({
      select: { version: true, status: true },
      where: { practiceId: user.practiceId, sessionId },
    });
  }

  private async describeExisting(user: AuthenticatedUser, sessionId: string): Promise<SessionNote> {
    const note = await this.describe(user, sessionId);
    if (!note) throw new NoteNotFound();
    return note;
  }

  private async describe(user: AuthenticatedUser, sessionId: string): Promise<SessionNote | null> {
    const [note] = await this.describeMany(user, [sessionId]);
    return note ?? null;
  }

  /** The notes of these sessions (those that have one), in the given order: two queries however many. */
  private async describeMany(user: AuthenticatedUser, sessionIds: string[]): Promise<SessionNote[]> {
    const rows: NoteRow[] = await this.scope.manager.query(`${NOTE_SELECT} WHERE n.practice_id = $1 AND n.session_id = ANY($2)`, [
      user.practiceId,
      sessionIds,
    ]);
    const addenda: (AddendumRow & { session_id: string })[] = await this.scope.manager.query(
      `SELECT d.session_id, d.id, d.body_encrypted, d.key_id, d.created_at, u.id AS author_id, u.name AS author_name
       FROM note_addenda d LEFT JOIN users u ON u.id = d.author_id
       WHERE d.practice_id = $1 AND d.session_id = ANY($2) ORDER BY d.created_at, d.id`,
      [user.practiceId, sessionIds],
    );
    const bySession = new Map(rows.map((row) => [row.session_id, row]));
    return sessionIds.flatMap((sessionId) => {
      const row = bySession.get(sessionId);
      return row ? [this.toNote(row, addenda.filter((addendum) => addendum.session_id === sessionId))] : [];
    });
  }

  private toNote(row: NoteRow, addenda: AddendumRow[]): SessionNote {
    const sessionId = row.session_id;
    const sections = parseJson(this.decrypt(sessionId, row.body_encrypted, row.key_id, noteAssociatedData(sessionId, row.template)));
    if (!isStoredSections(row.template, sections)) {
      this.logger.warn(`Note of session ${sessionId} decrypted to sections that do not fit its template`);
      throw new NoteUnreadable();
    }
    return {
      sessionId,
      template: row.template,
      sections,
      status: row.status,
      aboutParticipantId: row.about_participant_id,
      version: Number(row.version),
      author: row.author_id ? { id: row.author_id, name: row.author_name ?? '' } : null,
      updatedAt: new Date(row.updated_at).toISOString(),
      signedAt: row.signed_at ? new Date(row.signed_at).toISOString() : null,
      signedBy: row.signed_by_id ? { id: row.signed_by_id, name: row.signed_by_name ?? '' } : null,
      addenda: addenda.map(
        (addendum): NoteAddendum => ({
          id: addendum.id,
          body: this.decrypt(sessionId, addendum.body_encrypted, addendum.key_id, addendumAssociatedData(sessionId, addendum.id)),
          author: addendum.author_id ? { id: addendum.author_id, name: addendum.author_name ?? '' } : null,
          createdAt: new Date(addendum.created_at).toISOString(),
        }),
      ),
    };
  }

  /** Plaintext, or 422 NoteUnreadable: a damaged or moved ciphertext is never shown. */
  private decrypt(sessionId: string, data: Buffer, keyId: string, associatedData: string): string {
    try {
      return this.cipher.decrypt({ keyId, data }, associatedData);
    } catch (error) {
      if (!(error instanceof CiphertextUnreadable)) throw error;
      // For the operator: which row and why, never any content.
      this.logger.warn(`Note text of session ${sessionId} is unreadable: ${error.reason} (key "${keyId}")`);
      throw new NoteUnreadable();
    }
  }
}

/**
 * The version a save is based on, from the body, If-Match, or both (which must agree).
 */
function resolveVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  let headerVersion: number | undefined;
  if (ifMatch !== undefined && ifMatch !== '') {
    const match = IF_MATCH_VERSION.exec(ifMatch);
    if (!match) throw new InvalidNoteVersion('If-Match must be the note version you loaded, such as "3"');
    headerVersion = Number(match[1]);
  }
  if (bodyVersion !== undefined && headerVersion !== undefined && bodyVersion !== headerVersion) {
    throw new InvalidNoteVersion('version and If-Match name different versions; send the version you loaded');
  }
  const version = bodyVersion ?? headerVersion;
  if (version === undefined) throw new InvalidNoteVersion('version is required: 0 for a new note, else the version you loaded (or send it as If-Match)');
  return version;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * TypeORM answers an UPDATE … RETURNING on PostgreSQL as [rows, affectedCount];
 * an INSERT … RETURNING as the rows.
 */
function firstResult(result: unknown): unknown[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : ((result as unknown[]) ?? []);
}
