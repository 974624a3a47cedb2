import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CaseDetail, type CaseloadQuery } from '@trustwork/contracts';
import { caseKeys, createCase, fetchCase, fetchCaseload, updateCase } from '../api/cases-api';

/**
 * The caseload, one page at a time; `fetchNextPage` follows the API's `nextCursor`. A new
 * filter is a new query, so it starts again from the first page. While it loads, the rows
 * of the previous filter stay on screen (`isPlaceholderData`) rather than flashing empty.
 */
export function useCaseload(query: Omit<CaseloadQuery, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: caseKeys.caseload(query),
    queryFn: ({ pageParam, signal }) => fetchCaseload({ ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCase(caseId: string) {
  return useQuery({
    queryKey: caseKeys.detail(caseId),
    queryFn: ({ signal }) => fetchCase(caseId, signal),
  });
}

/**
 * After a save the case page shows the server's answer at once; everything else about cases
 * (caseloads, timelines) may have changed with it, so it refetches.
 */
function useStoreCase() {
  const queryClient = useQueryClient();
  return (saved: CaseDetail) => {
    queryClient.setQueryData(caseKeys.detail(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: caseKeys.all });
  };
}

export function useCreateCase() {
  const storeCase = useStoreCase();
  return useMutation({ mutationFn: createCase, onSuccess: storeCase });
}

export function useUpdateCase() {
  const storeCase = useStoreCase();
  return useMutation({ mutationFn: updateCase, onSuccess: storeCase });
}
