import { useEffect } from 'react';
import { Modal } from '@mantine/core';
import { CaseStatus } from '@trustwork/contracts';
import { useCaseload } from '../../cases/hooks/use-cases';
import { SessionForm } from '../../sessions/components/SessionForm';

interface NewSessionModalProps {
  /** The slot's start, the practice's wall-clock time; null while closed. */
  startsAt: string | null;
  onClose: () => void;
}

/** Booking from a calendar slot: the whole open caseload (by name) to choose from, the time already set. */
export function NewSessionModal({ startsAt, onClose }: NewSessionModalProps) {
  const caseload = useCaseload({ sort: 'name' });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = caseload;
  // Every case must be bookable, not only the first page's: a caseload is at most a few hundred.
  useEffect(() => {
    if (startsAt !== null && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [startsAt, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const cases = (caseload.data?.pages ?? []).flatMap((page) => page.items).filter((item) => item.status !== CaseStatus.Closed);
  return (
    <Modal opened={startsAt !== null} onClose={onClose} title="Schedule a session" centered>
      {startsAt && <SessionForm cases={cases} startsAt={startsAt} onDone={onClose} />}
    </Modal>
  );
}
