import { Injectable } from '@nestjs/common';
import { AuditRecordType, BUILT_IN_EXERCISE_ID_PREFIX, ExerciseSource, type ExerciseDetail, type ExerciseSummary } from '@trustwork/contracts';
import { EXERCISE_PHASES, EXERCISES, type Exercise } from '@trustwork/trust-program';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { PracticeScope } from '../database/practice-scope';
import type { CreateExerciseDto } from './dto/create-exercise.dto';
import type { ExerciseQueryDto } from './dto/exercise-query.dto';
import type { UpdateExerciseDto } from './dto/update-exercise.dto';
import { ExerciseTemplateVersion } from './entities/exercise-template-version.entity';
import { ExerciseTemplate } from './entities/exercise-template.entity';
import { normalizeContent, phaseFromStore, storedPhase, templateContent, templateProblems, type TemplateContent } from './exercise-shape';
import { BuiltInExerciseIsReadOnly, ExerciseNotFound, ExerciseVersionConflict, ExerciseVersionNotFound, InvalidExerciseTemplate } from './exercises.errors';

/** What a route's `:id` names: a built-in by key, or a practice template by id (see ExerciseIdPipe). */
export type ExerciseRef = { source: 'built-in'; key: string } | { source: 'practice'; templateId: string };

/** A version of a practice template as the queries below return it. */
interface VersionRow {
  id: string;
  currentVersion: number;
  archivedAt: Date | null;
  duplicatedFrom: string | null;
  version: number;
  title: string;
  phase: string;
  audience: Exercise['audience'];
  otherAudiences: Exercise['audience'][];
  sheet: Exercise['sheet'];
  cadence: Exercise['cadence'];
  minutes: number;
  purpose: string;
}

interface FullVersionRow extends VersionRow {
  instructions: string;
  clinicianNotes: string;
  prompts: ExerciseDetail['prompts'];
  createdAt: Date;
  authorId: string | null;
  authorName: string | null;
}

/** A practice template's current version, as export and import compare it. */
export interface TemplateInUse {
  id: string;
  version: number;
  content: TemplateContent;
}

type CreateAction = 'exercise-template.create' | 'exercise-template.duplicate' | 'exercise-template.import';

const BUILT_INS = new Map(EXERCISES.map((exercise) => [exercise.key, exercise]));
const RECORD_TYPE = AuditRecordType.ExerciseTemplate;

/**
 * The exercise library: the built-ins every practice shares (read-only, from
 * libs/trust-program) and the practice's own templates, each edit a new version.
 * Templates are not anyone's clinical record, so reads are not audited; changes are.
 */
@Injectable()
export class ExercisesService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, query: ExerciseQueryDto): Promise<ExerciseSummary[]> {
    const builtIns = EXERCISES.filter((exercise) => builtInMatches(exercise, query)).map(builtInSummary);
    const params: unknown[] = [user.practiceId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const conditions = ['t.practice_id = $1'];
    if (!query.includeArchived) conditions.push('t.archived_at IS NULL');
    if (query.phase) conditions.push(`v.phase = ${param(query.phase)}`);
    if (query.audience) {
      const audience = param(query.audience);
      conditions.push(`(v.audience = ${audience} OR v.other_audiences ? ${audience})`);
    }
    if (query.search) {
      const pattern = param(`%${query.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
      conditions.push(`(v.title ILIKE ${pattern} OR v.purpose ILIKE ${pattern} OR v.instructions ILIKE ${pattern})`);
    }
    const rows: VersionRow[] = await this.scope.manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM exercise_templates t
       JOIN exercise_template_versions v ON v.template_id = t.id AND v.version = t.current_version
       WHERE ${conditions.join(' AND ')}`,
      params,
    );
    return [...builtIns, ...rows.map(practiceSummary)].sort(byPhaseThenTitle);
  }

  /** The current version, or the one asked for. */
  async detail(user: AuthenticatedUser, ref: ExerciseRef, version?: number): Promise<ExerciseDetail> {
    if (ref.source === 'built-in') {
      const exercise = findBuiltIn(ref.key);
      // Only the library's current version ships with the API.
      if (version !== undefined && version !== exercise.version) throw new ExerciseVersionNotFound();
      return builtInDetail(exercise);
    }
    const [row]: FullVersionRow[] = await this.scope.manager.query(
      `SELECT ${SUMMARY_COLUMNS}, v.instructions, v.clinician_notes AS "clinicianNotes", v.prompts, v.created_at AS "createdAt",
         u.id AS "authorId", u.name AS "authorName"
       FROM exercise_templates t
       JOIN exercise_template_versions v ON v.template_id = t.id AND v.version = coalesce($3, t.current_version)
       LEFT JOIN users u ON u.id = v.created_by
       WHERE t.practice_id = $1 AND t.id = $2`,
      [user.practiceId, ref.templateId, version ?? null],
    );
    if (!row) {
      // Tell "no such exercise here" apart from "no such version of it".
      if (version === undefined) throw new ExerciseNotFound();
      await this.template(user, ref.templateId);
      throw new ExerciseVersionNotFound();
    }
    return practiceDetail(row);
  }

  async create(user: AuthenticatedUser, request: CreateExerciseDto): Promise<ExerciseDetail> {
    const content = checked(templateContent(request));
    return this.createTemplate(user, content, 'exercise-template.create');
  }

  /** A template from another practice's library (see ExerciseLibraryService), checked as a new one is. */
  async createImported(user: AuthenticatedUser, content: TemplateContent): Promise<ExerciseDetail> {
    return this.createTemplate(user, checked(content), 'exercise-template.import');
  }

  /**
   * The current content of every template in use (not archived), in program order. Locked
   * when asked, so an import decides against versions no one changes until it commits.
   */
  async templatesInUse(user: AuthenticatedUser, forUpdate = false): Promise<TemplateInUse[]> {
    const rows: (VersionRow & Pick<FullVersionRow, 'instructions' | 'clinicianNotes' | 'prompts'>)[] = await this.scope.manager.query(
      `SELECT ${SUMMARY_COLUMNS}, v.instructions, v.clinician_notes AS "clinicianNotes", v.prompts
       FROM exercise_templates t
       JOIN exercise_template_versions v ON v.template_id = t.id AND v.version = t.current_version
       WHERE t.practice_id = $1 AND t.archived_at IS NULL
       ${forUpdate ? 'FOR UPDATE OF t' : ''}`,
      [user.practiceId],
    );
    return rows
      .map((row) => ({ summary: practiceSummary(row), row }))
      .sort((a, b) => byPhaseThenTitle(a.summary, b.summary))
      .map(({ summary, row }) => ({
        id: summary.id,
        version: summary.version,
        content: { ...pick(summary, SUMMARY_FIELDS), ...pick(row, ['instructions', 'clinicianNotes', 'prompts']) },
      }));
  }

  /** Any practice's exercise, built-in or its own, as a new template of this practice. */
  async duplicate(user: AuthenticatedUser, ref: ExerciseRef): Promise<ExerciseDetail> {
    const source = await this.detail(user, ref);
    // The copy keeps the title: it is what the client sees, and the clinician renames it at will.
    return this.createTemplate(user, contentOf(source), 'exercise-template.duplicate', source.id);
  }

  /** Saves the edited content as the next version; the earlier ones stay readable. */
  async update(user: AuthenticatedUser, ref: ExerciseRef, changes: UpdateExerciseDto): Promise<ExerciseDetail> {
    const templateId = practiceTemplateId(ref, 'edited');
    // Locked, so two edits at once make versions n+1 and n+2 rather than collide.
    const template = await this.template(user, templateId, true);
    const { version: basedOn, ...fields } = changes;
    if (basedOn !== undefined && basedOn !== template.currentVersion) throw new ExerciseVersionConflict(template.currentVersion);
    const given = givenFields(fields);
    if (Object.keys(given).length === 0) throw new InvalidExerciseTemplate(['send at least one field to change']);
    const current = await this.detail(user, ref);
    const content = checked({ ...contentOf(current), ...given });
    template.currentVersion += 1;
    await this.insertVersion(user, template.id, template.currentVersion, content);
    await this.scope.repository(ExerciseTemplate).save(template);
    await this.audit.record(user.practiceId, { action: 'exercise-template.update', recordType: RECORD_TYPE, recordId: template.id });
    return this.detail(user, ref);
  }

  /** Archived templates leave the default list; assignments already made keep working. */
  async setArchived(user: AuthenticatedUser, ref: ExerciseRef, archived: boolean): Promise<ExerciseDetail> {
    const template = await this.template(user, practiceTemplateId(ref, 'archived'), true);
    if (archived !== (template.archivedAt !== null)) {
      template.archivedAt = archived ? new Date() : null;
      await this.scope.repository(ExerciseTemplate).save(template);
      const action = archived ? 'exercise-template.archive' : 'exercise-template.unarchive';
      await this.audit.record(user.practiceId, { action, recordType: RECORD_TYPE, recordId: template.id });
    }
    return this.detail(user, ref);
  }

  private async createTemplate(user: AuthenticatedUser, content: TemplateContent, action: CreateAction, duplicatedFrom: string | null = null): Promise<ExerciseDetail> {
    const template = await this.scope.repository(ExerciseTemplate).save({
      practiceId: user.practiceId,
      currentVersion: 1,
      archivedAt: null,
      duplicatedFrom,
      createdBy: user.id,
    });
    await this.insertVersion(user, template.id, 1, content);
    await this.audit.record(user.practiceId, { action, recordType: RECORD_TYPE, recordId: template.id });
    return this.detail(user, { source: 'practice', templateId: template.id });
  }

  private async insertVersion(user: AuthenticatedUser, templateId: string, version: number, content: TemplateContent): Promise<void> {
    await this.scope.repository(ExerciseTemplateVersion).insert({
      templateId,
      version,
      practiceId: user.practiceId,
      title: content.title,
      phase: storedPhase(content.phase),
      audience: content.audience,
      otherAudiences: content.otherAudiences,
      sheet: content.sheet,
      cadence: content.cadence,
      minutes: content.minutes,
      purpose: content.purpose,
      instructions: content.instructions,
      clinicianNotes: content.clinicianNotes,
      prompts: content.prompts,
      createdBy: user.id,
    });
  }

  private async template(user: AuthenticatedUser, templateId: string, forUpdate = false): Promise<ExerciseTemplate> {
    const found = await this.scope.repository(ExerciseTemplate).findOne({
      where: { id: templateId, practiceId: user.practiceId },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found) throw new ExerciseNotFound();
    return found;
  }
}

const SUMMARY_COLUMNS = `t.id, t.current_version AS "currentVersion", t.archived_at AS "archivedAt", t.duplicated_from AS "duplicatedFrom",
  v.version, v.title, v.phase, v.audience, v.other_audiences AS "otherAudiences", v.sheet, v.cadence, v.minutes, v.purpose`;

function checked(content: TemplateContent): TemplateContent {
  const normalized = normalizeContent(content);
  const problems = templateProblems(normalized);
  if (problems.length > 0) throw new InvalidExerciseTemplate(problems);
  return normalized;
}

/** The fields the request sent; a DTO instance also carries the ones it left out, as undefined. */
function givenFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function practiceTemplateId(ref: ExerciseRef, change: 'edited' | 'archived'): string {
  if (ref.source === 'built-in') {
    findBuiltIn(ref.key); // an unknown key is a 404, not a refusal
    throw new BuiltInExerciseIsReadOnly(change);
  }
  return ref.templateId;
}

function findBuiltIn(key: string): Exercise {
  const exercise = BUILT_INS.get(key);
  if (!exercise) throw new ExerciseNotFound();
  return exercise;
}

const SUMMARY_FIELDS = ['title', 'phase', 'audience', 'otherAudiences', 'sheet', 'cadence', 'minutes', 'purpose'] as const;
const CONTENT_FIELDS = [...SUMMARY_FIELDS, 'instructions', 'clinicianNotes', 'prompts'] as const;

function pick<T, K extends keyof T>(source: T, fields: readonly K[]): Pick<T, K> {
  return Object.fromEntries(fields.map((field) => [field, source[field]])) as Pick<T, K>;
}

function contentOf(exercise: ExerciseDetail): TemplateContent {
  return pick(exercise, CONTENT_FIELDS);
}

function builtInMatches(exercise: Exercise, query: ExerciseQueryDto): boolean {
  if (query.phase && String(exercise.phase) !== query.phase) return false;
  if (query.audience && exercise.audience !== query.audience && !exercise.otherAudiences?.includes(query.audience)) return false;
  if (query.search) {
    const search = query.search.toLowerCase();
    return [exercise.title, exercise.purpose, exercise.instructions].some((text) => text.toLowerCase().includes(search));
  }
  return true;
}

function builtInSummary(exercise: Exercise): ExerciseSummary {
  return {
    id: `${BUILT_IN_EXERCISE_ID_PREFIX}${exercise.key}`,
    source: ExerciseSource.BuiltIn,
    key: exercise.key,
    version: exercise.version,
    ...pick(exercise, SUMMARY_FIELDS),
    otherAudiences: [...(exercise.otherAudiences ?? [])],
    archived: false,
  };
}

function builtInDetail(exercise: Exercise): ExerciseDetail {
  return {
    ...builtInSummary(exercise),
    currentVersion: exercise.version,
    ...pick(exercise, ['instructions', 'clinicianNotes']),
    prompts: [...exercise.prompts],
    duplicatedFrom: null,
    versionCreatedBy: null,
    versionCreatedAt: null,
  };
}

function practiceSummary(row: VersionRow): ExerciseSummary {
  return {
    id: row.id,
    source: ExerciseSource.Practice,
    key: null,
    version: row.version,
    ...pick(row, SUMMARY_FIELDS),
    phase: phaseFromStore(row.phase),
    archived: row.archivedAt !== null,
  };
}

function practiceDetail(row: FullVersionRow): ExerciseDetail {
  return {
    ...practiceSummary(row),
    ...pick(row, ['currentVersion', 'instructions', 'clinicianNotes', 'prompts']),
    duplicatedFrom: row.duplicatedFrom,
    versionCreatedBy: row.authorId ? { id: row.authorId, name: row.authorName ?? '' } : null,
    versionCreatedAt: new Date(row.createdAt).toISOString(),
  };
}

/** The library reads in program order: phases 1 to 9, then the ones for throughout. */
function byPhaseThenTitle(a: ExerciseSummary, b: ExerciseSummary): number {
  return (
    EXERCISE_PHASES.indexOf(a.phase) - EXERCISE_PHASES.indexOf(b.phase) ||
    a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) ||
    a.id.localeCompare(b.id)
  );
}
