import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { CaseStatus, Permission } from '@trustwork/contracts';
import { usePermission } from '../../auth/hooks/use-session';
import { useUpdateCase } from '../../cases/hooks/use-cases';

/** Says a case is closed, and lets a clinician reopen it (as Active) when the work resumes. */
export function ClosedCaseNotice({ caseId }: { caseId: string }) {
  const canReopen = usePermission(Permission.ViewClinicalRecords);
  const updateCase = useUpdateCase();

  const reopen = () =>
    updateCase.mutate(
      { caseId, changes: { status: CaseStatus.Active } },
      {
        onSuccess: () => notifications.show({ color: 'teal', title: 'Case reopened', message: 'It is marked Active again.' }),
        onError: (error) => notifications.show({ color: 'red', title: "We couldn't reopen the case", message: error.message }),
      },
    );

  return (
    // A standing notice rather than news: role="status" keeps screen readers from interrupting with it.
    <Alert color="gray" variant="light" icon={<IconLock />} title="This case is closed" role="status">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          Its record is kept as it was{canReopen ? '. Reopen it if the work resumes.' : '.'}
        </Text>
        {canReopen && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconLockOpen size={16} aria-hidden />}
            loading={updateCase.isPending}
            onClick={reopen}
          >
            Reopen case
          </Button>
        )}
      </Group>
    </Alert>
  );
}
