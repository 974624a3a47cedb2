import { Modal } from '@mantine/core';
import { type CaseDetail, type TherapySession } from '@trustwork/contracts';
import { SessionForm } from '../../sessions/components/SessionForm';

interface SessionFormModalProps {
  caseRecord: CaseDetail;
  /** The session to reschedule or edit; none to book a new one. */
  session?: TherapySession;
  opened: boolean;
  onClose: () => void;
}

/** The case page's booking and editing: the calendar's form, with this case already chosen. */
export function SessionFormModal({ caseRecord, session, opened, onClose }: SessionFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={session ? 'Reschedule or edit session' : 'Schedule a session'} centered>
      <SessionForm cases={[caseRecord]} caseId={caseRecord.id} session={session} onDone={onClose} />
    </Modal>
  );
}
