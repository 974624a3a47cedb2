import { Stack } from '@mantine/core';
import { Permission } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { isApiRequestError } from '../../../lib/api-client';
import { usePermission } from '../../auth/hooks/use-session';
import { useCase } from '../../cases/hooks/use-cases';
import { useCaseSession, useSessionNote } from '../hooks/use-notes';
import { ClinicalRecordsRestricted, NoteSkeleton, SessionNotFound } from './NoteStates';
import { NoteSessionHeader } from './NoteSessionHeader';
import { NoteWorkspace } from './NoteWorkspace';

interface SessionNoteViewProps {
  caseId: string;
  sessionId: string;
}

/** The note of one session, under a header saying which session it is. */
export function SessionNoteView({ caseId, sessionId }: SessionNoteViewProps) {
  const mayReadNotes = usePermission(Permission.ViewClinicalRecords);
  const caseQuery = useCase(caseId);
  const sessionQuery = useCaseSession(caseId, sessionId);
  // Fetched alongside the session, not after it; never for a role the API would refuse.
  const noteQuery = useSessionNote(sessionId, { enabled: mayReadNotes });

  const notFound = [caseQuery.error, sessionQuery.error, noteQuery.error].some((error) => isApiRequestError(error, 404)) || sessionQuery.data === null;
  const headerError = caseQuery.error ?? sessionQuery.error;

  let body;
  if (notFound) body = <SessionNotFound />;
  else if (headerError)
    body = (
      <LoadFailed
        title="This session didn't load"
        message={headerError.message}
        onRetry={() => {
          void caseQuery.refetch();
          void sessionQuery.refetch();
        }}
      />
    );
  else if (!mayReadNotes || isApiRequestError(noteQuery.error, 403)) body = <ClinicalRecordsRestricted caseId={caseId} />;
  else if (noteQuery.error)
    body = <LoadFailed title="This note didn't load" query={noteQuery} />;
  else if (noteQuery.isPending || !caseQuery.data || !sessionQuery.data) body = <NoteSkeleton />;
  else
    body = (
      <NoteWorkspace
        caseId={caseId}
        sessionId={sessionId}
        note={noteQuery.data}
        participants={caseQuery.data.participants}
        attendeeIds={sessionQuery.data.attendeeIds}
        policy={caseQuery.data.confidentialityPolicy}
      />
    );

  return (
    <Stack gap={0} maw={880}>
      <NoteSessionHeader
        caseId={caseId}
        therapyCase={caseQuery.data}
        session={sessionQuery.data}
        loading={caseQuery.isPending || sessionQuery.isPending}
      />
      {body}
    </Stack>
  );
}
