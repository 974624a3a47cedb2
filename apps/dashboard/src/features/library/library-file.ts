import { EXERCISE_LIBRARY_FORMAT, type ExerciseLibraryImport } from '@trustwork/contracts';

export interface ReadLibrary {
  document: ExerciseLibraryImport;
  exerciseCount: number;
  /** Who exported it and when, when the file says so. */
  practiceName: string | null;
  exportedAt: string | null;
}

export type LibraryFile = ReadLibrary | { problem: string };

const NOT_A_LIBRARY = 'This file is not a Trustwork exercise library. Choose a file made with “Export our exercises”.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a chosen file only far enough to say what it holds before anything is sent;
 * the API checks every exercise in it.
 */
export async function readLibraryFile(file: File): Promise<LibraryFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    return { problem: NOT_A_LIBRARY };
  }
  if (!isRecord(parsed) || parsed.format !== EXERCISE_LIBRARY_FORMAT || !Array.isArray(parsed.exercises)) return { problem: NOT_A_LIBRARY };
  if (parsed.exercises.length === 0) return { problem: 'This library holds no exercises.' };
  const source = isRecord(parsed.source) && typeof parsed.source.practiceName === 'string' ? parsed.source.practiceName : null;
  const exportedAt = typeof parsed.exportedAt === 'string' && !Number.isNaN(Date.parse(parsed.exportedAt)) ? parsed.exportedAt : null;
  return { document: parsed as unknown as ExerciseLibraryImport, exerciseCount: parsed.exercises.length, practiceName: source, exportedAt };
}
