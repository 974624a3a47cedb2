import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { type ExerciseDetail, type ExerciseQuery } from '@trustwork/contracts';
import {
  createExercise,
  duplicateExercise,
  exerciseKeys,
  fetchExercise,
  fetchExercises,
  importLibrary,
  setExerciseArchived,
  updateExercise,
} from '../api/library-api';

export function useExercises(query: ExerciseQuery) {
  return useQuery({
    queryKey: exerciseKeys.list(query),
    queryFn: ({ signal }) => fetchExercises(query, signal),
    // Keep the last list on screen while a new filter loads, so the page doesn't jump.
    placeholderData: (previous) => previous,
  });
}

export function useExercise(id: string | null) {
  return useQuery({
    queryKey: exerciseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchExercise(id ?? '', signal),
    enabled: id !== null,
  });
}

/** The saved exercise is the newest version: show it at once, and refresh the lists it appears in. */
function remember(queryClient: QueryClient, saved: ExerciseDetail) {
  queryClient.setQueryData(exerciseKeys.detail(saved.id), saved);
  void queryClient.invalidateQueries({ queryKey: exerciseKeys.lists() });
}

function useExerciseMutation<Variables>(mutationFn: (variables: Variables) => Promise<ExerciseDetail>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: (saved) => remember(queryClient, saved) });
}

export const useDuplicateExercise = () => useExerciseMutation(duplicateExercise);
export const useSetExerciseArchived = () => useExerciseMutation(setExerciseArchived);
export const useCreateExercise = () => useExerciseMutation(createExercise);
export const useUpdateExercise = () => useExerciseMutation(updateExercise);

/** An import may add templates and new versions of any number of them: everything the library shows is refreshed. */
export function useImportLibrary() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: importLibrary, onSuccess: () => queryClient.invalidateQueries({ queryKey: exerciseKeys.all }) });
}
