import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { isStepUpRequired, type StepUp, StepUpContext } from '../hooks/use-step-up';
import { StepUpModal } from './StepUpModal';

type Answer = (verified: boolean) => void;

/** One check for the whole app: every sensitive action asks through `useStepUp().run`. */
export function StepUpProvider({ children }: { children: ReactNode }) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  // Two actions refused at once share one question.
  const question = useRef<Promise<boolean> | null>(null);

  const ask = useCallback((): Promise<boolean> => {
    question.current ??= new Promise<boolean>((resolve) => {
      setAnswer(() => (verified: boolean) => {
        question.current = null;
        setAnswer(null);
        resolve(verified);
      });
    });
    return question.current;
  }, []);

  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T> => {
      try {
        return await action();
      } catch (error) {
        if (!isStepUpRequired(error) || !(await ask())) throw error;
        return action();
      }
    },
    [ask],
  );

  const stepUp = useMemo<StepUp>(() => ({ run }), [run]);

  return (
    <StepUpContext value={stepUp}>
      {children}
      <StepUpModal opened={answer !== null} onDone={(verified) => answer?.(verified)} />
    </StepUpContext>
  );
}
