import { createContext, useContext } from 'react';
import { ApiErrorCode } from '@trustwork/contracts';
import { isApiRequestError } from '../../../lib/api-client';

export interface StepUp {
  /**
   * Runs a sensitive action (an export, a two-factor change). When the API asks for a fresh
   * check, asks the person for a code (or their password), then tries the action once more.
   * Cancelling rejects with the API's own refusal.
   */
  run<T>(action: () => Promise<T>): Promise<T>;
}

export const StepUpContext = createContext<StepUp | null>(null);

export function isStepUpRequired(error: unknown): boolean {
  return isApiRequestError(error, 403) && error.body.code === ApiErrorCode.StepUpRequired;
}

export function useStepUp(): StepUp {
  const stepUp = useContext(StepUpContext);
  if (!stepUp) throw new Error('useStepUp needs StepUpProvider, which AppProviders gives.');
  return stepUp;
}
