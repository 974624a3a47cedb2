import { Anchor, Button, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconClipboardList, IconPlus } from '@tabler/icons-react';
import { AssignmentStatus, Permission, type CaseDetail } from '@trustwork/contracts';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { LoadFailed } from '../../../components/LoadFailed';
import { isApiRequestError } from '../../../lib/api-client';
import { useAddressParams } from '../../../lib/use-address-params';
import { usePermission } from '../../auth/hooks/use-session';
import { ASSIGN_EXERCISE_PARAM } from '../../case-record/case-record-paths';
import { TabSectionHeader } from '../../case-record/components/TabSectionHeader';
import { useCaseAssignments } from '../hooks/use-homework';
import { AssignHomeworkModal } from './AssignHomeworkModal';
import { AssignmentCard } from './AssignmentCard';
import { ClinicalOnlyNotice } from '../../case-record/components/ClinicalOnlyNotice';

function HomeworkSkeleton() {
  return (
    <Stack gap="md" role="status" aria-busy="true">
      <VisuallyHidden>Loading the homework…</VisuallyHidden>
      {Array.from({ length: 2 }, (_, row) => (
        <Stack key={row} gap={6}>
          <Skeleton height={20} width="45%" radius="sm" />
          <Skeleton height={14} width="60%" radius="sm" />
          <Skeleton height={22} width="80%" radius="sm" />
        </Stack>
      ))}
    </Stack>
  );
}

// The link sits inside a sentence, where only an underline sets it apart.
const LIBRARY_LINE = (
  <Text>
    Exercises come from the{' '}
    <Anchor component={Link} to="/library" underline="always">
      library
    </Anchor>
    : the programme&apos;s own, for each phase, and any your practice has written.
  </Text>
);

/** The case's homework: what each person has been given, how it is going, and what they wrote. */
export function CaseHomework({ caseRecord }: { caseRecord: CaseDetail }) {
  const canView = usePermission(Permission.ViewClinicalRecords);
  // Assistants are never asked to fetch what the API would refuse them; a 403 says the same if roles change.
  const assignments = useCaseAssignments(caseRecord.id, canView);
  const [assigning, assign] = useDisclosure(false);
  // A link from elsewhere (a phase's suggestions) can open the dialog with an exercise chosen.
  const { params, changeParams } = useAddressParams();
  const suggested = params.get(ASSIGN_EXERCISE_PARAM) ?? undefined;
  const closeAssign = () => {
    assign.close();
    if (!suggested) return;
    changeParams({ [ASSIGN_EXERCISE_PARAM]: null }, { replace: true });
  };

  if (!canView || isApiRequestError(assignments.error, 403)) {
    return (
      <ClinicalOnlyNotice caseId={caseRecord.id} title="Homework is part of the clinical record">
        Your role can&apos;t see it. You can still book and change this case&apos;s sessions.
      </ClinicalOnlyNotice>
    );
  }

  let body;
  if (assignments.data) {
    // Newest first, as the therapist last left it; cancelled homework stays readable below what is still running.
    const ordered = [...assignments.data].sort(
      (a, b) =>
        Number(a.status === AssignmentStatus.Cancelled) - Number(b.status === AssignmentStatus.Cancelled) || b.createdAt.localeCompare(a.createdAt),
    );
    body =
      ordered.length === 0 ? (
        <EmptyState
          icon={<IconClipboardList size={22} />}
          title="No homework yet"
          headingOrder={3}
          action={
            <Button variant="light" onClick={assign.open}>
              Assign the first exercise
            </Button>
          }
        >
          <Text>Between sessions, exercises keep the work going. Each person answers in their own portal.</Text>
          {LIBRARY_LINE}
        </EmptyState>
      ) : (
        <Stack component="ul" gap="md" m={0} p={0} aria-label="Homework" style={{ listStyle: 'none' }}>
          {ordered.map((assignment) => (
            <AssignmentCard key={assignment.id} assignment={assignment} caseRecord={caseRecord} />
          ))}
        </Stack>
      );
  } else if (assignments.isError) {
    body = (
      <LoadFailed
        title="We couldn't load the homework"
        query={assignments}
      />
    );
  } else {
    body = <HomeworkSkeleton />;
  }

  return (
    <>
      <TabSectionHeader
        title="Homework"
        description="Exercises between sessions, where each stands, and the answers sent."
        action={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={assign.open}>
            Assign homework
          </Button>
        }
      />
      {body}
      <AssignHomeworkModal
        caseRecord={caseRecord}
        initialExerciseId={suggested}
        opened={assigning || suggested !== undefined}
        onClose={closeAssign}
      />
    </>
  );
}
