import {
  type Assignment,
  type CreateAssignmentRequest,
  type MeasureSummary,
  type Submission,
  type UpdateAssignmentRequest,
} from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';

export const assignmentKeys = {
  all: ['assignments'] as const,
  ofCase: (caseId: string) => [...assignmentKeys.all, 'case', caseId] as const,
  submissions: (assignmentId: string) => [...assignmentKeys.all, 'submissions', assignmentId] as const,
};

export const measureKeys = {
  all: ['measures'] as const,
};

const caseAssignmentsPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/assignments`;
const assignmentPath = (id: string) => `/assignments/${encodeURIComponent(id)}`;

export function fetchCaseAssignments(caseId: string, signal?: AbortSignal): Promise<Assignment[]> {
  return apiClient.get<Assignment[]>(caseAssignmentsPath(caseId), { signal });
}

export interface NewAssignment {
  caseId: string;
  assignment: CreateAssignmentRequest;
}

/** Answers with every assignment made: two when assigned to each participant. */
export function assignHomework({ caseId, assignment }: NewAssignment): Promise<Assignment[]> {
  return apiClient.post<Assignment[]>(caseAssignmentsPath(caseId), assignment);
}

export interface AssignmentUpdate {
  assignmentId: string;
  changes: UpdateAssignmentRequest;
}

export function updateAssignment({ assignmentId, changes }: AssignmentUpdate): Promise<Assignment> {
  return apiClient.patch<Assignment>(assignmentPath(assignmentId), changes);
}

/** The standard questionnaires (the CSI-4 first) that can be assigned like an exercise. */
export function fetchMeasures(signal?: AbortSignal): Promise<MeasureSummary[]> {
  return apiClient.get<MeasureSummary[]>('/measures', { signal });
}

export function fetchSubmissions(assignmentId: string, signal?: AbortSignal): Promise<Submission[]> {
  return apiClient.get<Submission[]>(`${assignmentPath(assignmentId)}/submissions`, { signal });
}
