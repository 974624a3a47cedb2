import type { PortalReminders, UpdatePortalRemindersRequest } from '@trustwork/contracts';
import { useId, useState } from 'react';
import { PortalApiError, portalRequest } from '../portal-api';
import { usePortal } from '../lib/portal-context';
import { ProblemLine } from './ProblemLine';

type Choice = keyof UpdatePortalRemindersRequest;

const LABELS: Record<Choice, string> = {
  homework: 'E-mail me on days homework is due',
  sessions: 'E-mail me before my sessions',
};

/** The participant's own choice of e-mail reminders; off and explained when no address is on file. */
export function ReminderSwitch() {
  const { token, welcome, onInvalidLink } = usePortal();
  const [reminders, setReminders] = useState(welcome.reminders);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const hintId = useId();

  const change = async (choice: Choice, on: boolean) => {
    setSaving(true);
    setProblem(null);
    try {
      setReminders(await portalRequest<PortalReminders>('reminders', token, { method: 'PUT', body: { [choice]: on } }));
    } catch (error) {
      if (!(error instanceof PortalApiError)) throw error;
      if (error.kind === 'invalid-link') onInvalidLink(error.message);
      else setProblem(`${error.message} Your reminders were not changed.`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div>
      {(Object.keys(LABELS) as Choice[]).map((choice) => (
        <label key={choice} className="choice">
          <input
            type="checkbox"
            role="switch"
            checked={reminders.email && reminders[choice]}
            disabled={!reminders.email || saving}
            aria-describedby={reminders.email ? undefined : hintId}
            onChange={(event) => void change(choice, event.target.checked)}
          />
          <span>{LABELS[choice]}</span>
        </label>
      ))}
      {!reminders.email && (
        <p id={hintId} className="note">
          Your therapist has no e-mail address for you. Ask them to add one if you would like reminders.
        </p>
      )}
      <ProblemLine problem={problem} />
    </div>
  );
}
