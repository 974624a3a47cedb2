import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { attentionKeys } from '../../agenda/api/attention-api';
import { caseKeys } from '../../cases/api/cases-api';
import { safetyReportKeys } from '../../safety-reports/api/safety-reports-api';
import { acknowledgeAlert, alertKeys, fetchCaseAlerts, type AlertListStatus } from '../api/alerts-api';

/** `enabled` is false for roles the API would refuse: alerts are clinical. */
export function useCaseAlerts(caseId: string, status: AlertListStatus, enabled: boolean) {
  return useQuery({
    queryKey: alertKeys.ofCase(caseId, status),
    queryFn: ({ signal }) => fetchCaseAlerts(caseId, status, signal),
    enabled,
  });
}

/**
 * An acknowledged alert changes the case's counts and badges (and what needs attention) as well as its lists, and a
 * safety-report alert and its report are acknowledged together, so all of them refetch.
 */
export function refreshAfterAcknowledging(queryClient: QueryClient, caseId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: alertKeys.all }),
    queryClient.invalidateQueries({ queryKey: safetyReportKeys.all }),
    queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
    queryClient.invalidateQueries({ queryKey: caseKeys.caseloads() }),
    queryClient.invalidateQueries({ queryKey: attentionKeys.all }),
  ]);
}

export function useAcknowledgeAlert(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeAlert,
    onSuccess: () => refreshAfterAcknowledging(queryClient, caseId),
  });
}
