import type { PortalSession } from '@trustwork/contracts';
import { appointmentAnswer, appointmentKind, appointmentPlace, appointmentTime } from '../lib/sessions';
import { usePortalLoad } from '../lib/use-portal-load';

/**
 * The home screen's next appointment, with this person's answer to it. Nothing at all while
 * loading, when none is coming, or when it cannot be read: the rest of home matters more.
 */
export function NextAppointment({ onSeeAll }: { onSeeAll: () => void }) {
  const { loaded } = usePortalLoad<PortalSession[]>('sessions');
  // Anything but a list (an old API, a proxy's page) is read as no appointments, never as a fault.
  const next = loaded.state === 'ready' && Array.isArray(loaded.data) ? loaded.data.find((session) => session.status === 'scheduled') : undefined;
  if (!next) return null;
  return (
    <section className="card" aria-labelledby="next-appointment-heading">
      <h2 id="next-appointment-heading">Your next appointment</h2>
      <p className="due-summary">{appointmentTime(next.startsAt)}</p>
      <p>
        {appointmentKind(next)}. {appointmentPlace(next)}
      </p>
      <p className={next.response === 'confirmed' ? 'tag' : 'tag tag-due'}>{appointmentAnswer(next)}</p>
      <button type="button" className="button button-quiet" onClick={onSeeAll}>
        See all appointments
      </button>
    </section>
  );
}
