import { Permission } from '@trustwork/contracts';
import { PageHeader } from '../components/PageHeader';
import { NotYetBuilt } from '../components/NotYetBuilt';
import { RequirePermission } from '../features/auth/components/RequirePermission';

export default function AuditPage() {
  return (
    <>
      <PageHeader title="Audit" description="Who looked at or changed what in your practice, and when." />
      <RequirePermission permission={Permission.ViewAuditLog}>
        <NotYetBuilt>
          The audit log arrives in a later release: every sign-in, change to the team and access to clinical
          records, searchable by person and date.
        </NotYetBuilt>
      </RequirePermission>
    </>
  );
}
