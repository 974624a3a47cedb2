import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { Link } from 'react-router';
import { usePermission } from '../../auth/hooks/use-session';
import { useBelowMd } from '../../app-shell/hooks/use-below-md';

/** Starting a case means handling clinical details, so only owners and clinicians see this. */
export function NewCaseButton() {
  const canStartCases = usePermission(Permission.ViewClinicalRecords);
  const touch = useBelowMd();
  if (!canStartCases) return null;
  return (
    <Button component={Link} to="/cases/new" mih={touch ? 44 : undefined} leftSection={<IconPlus size={16} aria-hidden />}>
      New case
    </Button>
  );
}
