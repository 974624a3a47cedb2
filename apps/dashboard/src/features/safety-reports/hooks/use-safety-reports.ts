import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { refreshAfterAcknowledging } from '../../alerts/hooks/use-alerts';
import { acknowledgeSafetyReport, fetchCaseSafetyReports, safetyReportKeys } from '../api/safety-reports-api';

/** `enabled` is false for roles the API would refuse: a safety report is the most private thing in a case. */
export function useCaseSafetyReports(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: safetyReportKeys.ofCase(caseId),
    queryFn: ({ signal }) => fetchCaseSafetyReports(caseId, signal),
    enabled,
  });
}

/** For a report whose alert is not in the open list: acknowledging it clears the alert all the same. */
export function useAcknowledgeSafetyReport(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeSafetyReport,
    onSuccess: () => refreshAfterAcknowledging(queryClient, caseId),
  });
}
