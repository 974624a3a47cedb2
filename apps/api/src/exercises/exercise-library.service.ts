import { Injectable } from '@nestjs/common';
import {
  AuditRecordType,
  EXERCISE_LIBRARY_FORMAT,
  EXERCISE_LIBRARY_FORMAT_VERSION,
  type ExerciseLibraryDocument,
  type ExerciseLibraryImport,
  type ExerciseLibraryImportReport,
} from '@trustwork/contracts';
import { isDeepStrictEqual } from 'node:util';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { templateContent, templateProblems, type TemplateContent } from './exercise-shape';
import { InvalidExerciseLibrary } from './exercises.errors';
import { ExercisesService, type TemplateInUse } from './exercises.service';

/**
 * A practice's own exercises as a document another practice can import (the format is
 * described in libs/contracts exercise-library.ts). The request's one transaction makes
 * an import all or nothing: every template it creates or updates commits together.
 */
@Injectable()
export class ExerciseLibraryService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
    private readonly exercises: ExercisesService,
  ) {}

  /** The templates in use, without ids or authors; audited as one read naming each template, as any disclosure of it. */
  async export(user: AuthenticatedUser): Promise<ExerciseLibraryDocument> {
    const [{ name: practiceName }]: { name: string }[] = await this.scope.manager.query('SELECT name FROM practices WHERE id = $1', [user.practiceId]);
    const templates = await this.exercises.templatesInUse(user);
    const keys = documentKeys(templates.map((template) => template.content.title));
    await this.audit.recordList(user.practiceId, {
      action: 'exercise-template.export',
      recordType: AuditRecordType.ExerciseTemplate,
      recordIds: templates.map((template) => template.id),
      caseIds: [],
    });
    return {
      format: EXERCISE_LIBRARY_FORMAT,
      formatVersion: EXERCISE_LIBRARY_FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      source: { practiceName },
      exercises: templates.map((template, index) => ({ key: keys[index], ...template.content, version: template.version })),
    };
  }

  /**
   * Each exercise becomes a new template, a new version of the template in use with the
   * same title, or nothing when that template already reads the same. An exercise that
   * breaks the library's rules is refused and the rest go ahead; when nothing could be
   * imported at all the answer is a 400 naming every problem.
   */
  async import(user: AuthenticatedUser, document: ExerciseLibraryImport): Promise<ExerciseLibraryImportReport> {
    const duplicates = duplicateProblems(document.exercises);
    if (duplicates.length > 0) throw new InvalidExerciseLibrary(duplicates);

    const byTitle = new Map<string, TemplateInUse[]>();
    for (const template of await this.exercises.templatesInUse(user, true)) {
      const title = titleKey(template.content.title);
      byTitle.set(title, [...(byTitle.get(title) ?? []), template]);
    }

    const report: ExerciseLibraryImportReport = { created: [], updated: [], unchanged: [], refused: [] };
    // Where each refusal sits in the document, for the 400 when nothing could be imported.
    const refusals: string[] = [];
    for (const [index, entry] of document.exercises.entries()) {
      const { key, title } = entry;
      const content = templateContent(entry);
      const matches = byTitle.get(titleKey(title)) ?? [];
      const problems = templateProblems(content);
      if (matches.length > 1) {
        problems.push(`${matches.length} exercises in your library are called "${title}"; rename all but one so the import knows which to update`);
      }
      const [match] = matches;
      if (problems.length > 0) {
        report.refused.push({ key, title, problems });
        refusals.push(...problems.map((problem) => `exercises.${index} (${key}): ${problem}`));
      } else if (!match) {
        const created = await this.exercises.createImported(user, content);
        report.created.push({ key, id: created.id, title: created.title });
      } else if (sameContent(match.content, content)) {
        report.unchanged.push({ key, id: match.id, title: match.content.title, version: match.version });
      } else {
        const updated = await this.exercises.update(user, { source: 'practice', templateId: match.id }, content);
        report.updated.push({ key, id: updated.id, title: updated.title, version: updated.version });
      }
    }

    if (report.refused.length === document.exercises.length) throw new InvalidExerciseLibrary(refusals);
    return report;
  }
}

type ImportedExercise = ExerciseLibraryImport['exercises'][number];

/** Titles match in any case: a template is the same exercise however its title is capitalised. */
function titleKey(title: string): string {
  return title.trim().toLocaleLowerCase('en');
}

/** Compared as JSON would carry them: the stored version comes back from jsonb with its own key order. */
function sameContent(stored: TemplateContent, imported: TemplateContent): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(stored)), JSON.parse(JSON.stringify(imported)));
}

/** Keys name one exercise each, and titles too, since a title is what an import matches on. */
function duplicateProblems(entries: ImportedExercise[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  const titles = new Set<string>();
  entries.forEach((entry, index) => {
    if (keys.has(entry.key)) problems.push(`exercises.${index}.key "${entry.key}" is used by an earlier exercise in this library`);
    if (titles.has(titleKey(entry.title))) problems.push(`exercises.${index}.title "${entry.title}" is used by an earlier exercise in this library; each title may appear once`);
    keys.add(entry.key);
    titles.add(titleKey(entry.title));
  });
  return problems;
}

const KEY_LENGTH = 60;

/** A readable key per title (`evening-walk-together`), numbered when two titles make the same one. */
function documentKeys(titles: string[]): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const base =
      title
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, KEY_LENGTH)
        .replace(/^-+|-+$/g, '') || 'exercise';
    let key = base;
    for (let number = 2; used.has(key); number += 1) key = `${base}-${number}`;
    used.add(key);
    return key;
  });
}
