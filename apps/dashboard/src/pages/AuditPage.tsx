import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { PageHeader } from '../components/PageHeader';
import { AuditIntegrityCheck } from '../features/audit/components/AuditIntegrityCheck';
import { AuditLog } from '../features/audit/components/AuditLog';
import { usePermission } from '../features/auth/hooks/use-session';

export default function AuditPage() {
  const canViewAuditLog = usePermission(Permission.ViewAuditLog);
  return (
    <>
      <PageHeader title="Audit" description="Who opened or changed which record in your practice, and when." />
      {canViewAuditLog ? (
        <>
          <AuditIntegrityCheck />
          <AuditLog />
        </>
      ) : (
        <Alert color="gray" icon={<IconLock />} title="Only owners can read the audit log">
          If a client asks who has seen their records, the practice owner can look it up here.
        </Alert>
      )}
    </>
  );
}
