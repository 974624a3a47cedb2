import { type ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { type Permission } from '@trustwork/contracts';
import { usePermission } from '../hooks/use-session';

interface RequirePermissionProps {
  permission: Permission;
  children: ReactNode;
}

export function RequirePermission({ permission, children }: RequirePermissionProps) {
  const allowed = usePermission(permission);
  if (allowed) return children;
  return (
    <Alert color="gray" icon={<IconLock />} title="Not available to your role">
      Ask the practice owner if you need access to this page.
    </Alert>
  );
}
