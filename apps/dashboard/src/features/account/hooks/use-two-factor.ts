import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type TwoFactorCodeRequest } from '@trustwork/contracts';
import { session } from '../../../lib/session';
import { meKeys } from '../../auth/api/auth-api';
import {
  accountKeys,
  confirmTwoFactor,
  disableTwoFactor,
  fetchTwoFactorStatus,
  regenerateRecoveryCodes,
  startTwoFactorEnrolment,
} from '../api/account-api';
import { normaliseCode } from '../two-factor-code';
import { useStepUp } from './use-step-up';

export function useTwoFactorStatus() {
  return useQuery({
    queryKey: accountKeys.twoFactor(),
    queryFn: ({ signal }) => fetchTwoFactorStatus(signal),
  });
}

/** Whether the person signs in with a code: the step-up check asks for one rather than the password. */
function rememberTwoFactor(enabled: boolean): void {
  const state = session.getState();
  if (state.status === 'signed-in') session.updateUser({ ...state.user, twoFactorEnabled: enabled });
}

/** After two-factor is turned on or off: the status and the person as the server has them now. */
export function useTwoFactorChanged() {
  const queryClient = useQueryClient();
  return (enabled: boolean) => {
    rememberTwoFactor(enabled);
    void queryClient.invalidateQueries({ queryKey: accountKeys.twoFactor() });
    void queryClient.invalidateQueries({ queryKey: meKeys.all });
  };
}

export function useStartTwoFactorEnrolment() {
  const stepUp = useStepUp();
  return useMutation({ mutationFn: () => stepUp.run(startTwoFactorEnrolment) });
}

export function useConfirmTwoFactor() {
  return useMutation({
    mutationFn: (code: string) => confirmTwoFactor({ code: normaliseCode(code) }),
    // The status waits until the recovery codes are saved, so the screen showing them stays.
    onSuccess: () => rememberTwoFactor(true),
  });
}

/** A change to two-factor confirmed with a code from the app; the API may ask for a fresh check first. */
function useCodeConfirmedChange<T>(change: (request: TwoFactorCodeRequest) => Promise<T>, onSuccess: () => unknown) {
  const stepUp = useStepUp();
  return useMutation({
    mutationFn: ({ code }: TwoFactorCodeRequest) => stepUp.run(() => change({ code: normaliseCode(code) })),
    onSuccess,
  });
}

export function useDisableTwoFactor() {
  const changed = useTwoFactorChanged();
  return useCodeConfirmedChange(disableTwoFactor, () => changed(false));
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  // The status counts the codes left.
  return useCodeConfirmedChange(regenerateRecoveryCodes, () => queryClient.invalidateQueries({ queryKey: accountKeys.twoFactor() }));
}
