import type { PortalReminders } from '@trustwork/contracts';
import { useId, useState } from 'react';
import { PortalApiError, portalRequest } from '../portal-api';
import { usePortal } from '../lib/portal-context';
import { ProblemLine } from './ProblemLine';

/** The participant's own choice of e-mail reminders; off and explained when no address is on file. */
export function ReminderSwitch() {
  const { token, welcome, onInvalidLink } = usePortal();
  const [reminders, setReminders] = useState(welcome.reminders);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const hintId = useId();

  const change = async (homework: boolean) => {
    setSaving(true);
    setProblem(null);
    try {
      setReminders(await portalRequest<PortalReminders>('reminders', token, { method: 'PUT', body: { homework } }));
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
      <label className="choice">
        <input
          type="checkbox"
          role="switch"
          checked={reminders.email && reminders.homework}
          disabled={!reminders.email || saving}
          aria-describedby={reminders.email ? undefined : hintId}
          onChange={(event) => void change(event.target.checked)}
        />
        <span>E-mail me on days homework is due</span>
      </label>
      {!reminders.email && (
        <p id={hintId} className="note">
          Your therapist has no e-mail address for you. Ask them to add one if you would like reminders.
        </p>
      )}
      <ProblemLine problem={problem} />
    </div>
  );
}
