import {
  type CreateExerciseRequest,
  type ExerciseDetail,
  type ExerciseLibraryDocument,
  type ExerciseLibraryImport,
  type ExerciseLibraryImportReport,
  type ExerciseQuery,
  type ExerciseSummary,
  type UpdateExerciseRequest,
} from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';
import { toSearchParams } from '../../../lib/search-params';

export const exerciseKeys = {
  all: ['exercises'] as const,
  lists: () => [...exerciseKeys.all, 'list'] as const,
  list: (query: ExerciseQuery) => [...exerciseKeys.lists(), query] as const,
  detail: (id: string) => [...exerciseKeys.all, 'detail', id] as const,
};

const exercisePath = (id: string) => `/exercises/${encodeURIComponent(id)}`;

export function fetchExercises(query: ExerciseQuery, signal?: AbortSignal): Promise<ExerciseSummary[]> {
  return apiClient.get<ExerciseSummary[]>(`/exercises${toSearchParams(query)}`, { signal });
}

export function fetchExercise(id: string, signal?: AbortSignal): Promise<ExerciseDetail> {
  return apiClient.get<ExerciseDetail>(exercisePath(id), { signal });
}

export function createExercise(request: CreateExerciseRequest): Promise<ExerciseDetail> {
  return apiClient.post<ExerciseDetail>('/exercises', request);
}

export interface ExerciseUpdate {
  id: string;
  changes: UpdateExerciseRequest;
}

/** Saves a new version of a practice template. */
export function updateExercise({ id, changes }: ExerciseUpdate): Promise<ExerciseDetail> {
  return apiClient.patch<ExerciseDetail>(exercisePath(id), changes);
}

/** Copies a built-in or a practice template into a new practice template. */
export function duplicateExercise(id: string): Promise<ExerciseDetail> {
  return apiClient.post<ExerciseDetail>(`${exercisePath(id)}/duplicate`);
}

export interface ArchiveChange {
  id: string;
  archived: boolean;
}

export function setExerciseArchived({ id, archived }: ArchiveChange): Promise<ExerciseDetail> {
  return apiClient.post<ExerciseDetail>(`${exercisePath(id)}/${archived ? 'archive' : 'unarchive'}`);
}

/** The practice's own templates in use, as a file another practice can import. */
export function exportLibrary(): Promise<ExerciseLibraryDocument> {
  return apiClient.get<ExerciseLibraryDocument>('/exercises/export');
}

export function importLibrary(document: ExerciseLibraryImport): Promise<ExerciseLibraryImportReport> {
  return apiClient.post<ExerciseLibraryImportReport>('/exercises/import', document);
}
