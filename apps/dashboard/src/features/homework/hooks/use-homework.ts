import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Assignment, type CreateAssignmentRequest } from '@trustwork/contracts';
import { exerciseKeys, fetchExercises } from '../../library/api/library-api';
import {
  assignHomework,
  assignmentKeys,
  fetchCaseAssignments,
  fetchMeasures,
  fetchSubmissions,
  measureKeys,
  updateAssignment,
} from '../api/homework-api';

/** `enabled` is false for roles the API would refuse: homework answers are clinical. */
export function useCaseAssignments(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: assignmentKeys.ofCase(caseId),
    queryFn: ({ signal }) => fetchCaseAssignments(caseId, signal),
    enabled,
  });
}

export function useSubmissions(assignmentId: string, enabled: boolean) {
  return useQuery({
    queryKey: assignmentKeys.submissions(assignmentId),
    queryFn: ({ signal }) => fetchSubmissions(assignmentId, signal),
    enabled,
  });
}

/** The library's current, unarchived exercises: what can be assigned. */
export function useAssignableExercises(enabled: boolean) {
  return useQuery({
    queryKey: exerciseKeys.list({}),
    queryFn: ({ signal }) => fetchExercises({}, signal),
    enabled,
  });
}

/** The questionnaires on offer; they change only with a new release, so they are read once. */
export function useMeasures() {
  return useQuery({
    queryKey: measureKeys.all,
    queryFn: ({ signal }) => fetchMeasures(signal),
    staleTime: Infinity,
  });
}

export function useAssignHomework(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignment: CreateAssignmentRequest) => assignHomework({ caseId, assignment }),
    // The API answers with the whole of each new assignment, progress included: no refetch needed.
    onSuccess: (made) => {
      queryClient.setQueryData<Assignment[]>(assignmentKeys.ofCase(caseId), (assignments) => assignments && [...made, ...assignments]);
    },
  });
}

export function useUpdateAssignment(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAssignment,
    onSuccess: (saved) => {
      queryClient.setQueryData<Assignment[]>(assignmentKeys.ofCase(caseId), (assignments) =>
        assignments?.map((assignment) => (assignment.id === saved.id ? saved : assignment)),
      );
    },
  });
}
