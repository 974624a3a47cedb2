import { Modal } from '@mantine/core';
import { type AgendaSession } from '@trustwork/contracts';
import { SessionForm } from '../../sessions/components/SessionForm';

interface MoveSessionModalProps {
  session: AgendaSession;
  opened: boolean;
  onClose: () => void;
}

export function MoveSessionModal({ session, opened, onClose }: MoveSessionModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Move session" centered>
      <SessionForm cases={[{ id: session.caseId, participants: session.participants }]} caseId={session.caseId} session={session} onDone={onClose} />
    </Modal>
  );
}
