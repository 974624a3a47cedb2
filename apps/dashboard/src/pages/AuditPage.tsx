import { Permission } from '@trustwork/contracts';
import { ComingSoon } from '../components/ComingSoon';
import { PageHeader } from '../components/PageHeader';
import { RequirePermission } from '../features/auth/components/RequirePermission';

export default function AuditPage() {
  return (
    <>
      <PageHeader title="Audit" description="Who looked at or changed what in your practice, and when." />
      <RequirePermission permission={Permission.ViewAuditLog}>
        <ComingSoon
          when="later"
          summary="The audit log will show who did what in your practice, and when, so you can answer a client who asks who has seen their records."
          items={[
            'Every sign-in to your practice',
            'Every change to the team: people added, roles changed, access removed',
            "Every time someone opens a case's clinical records",
            'Search by person and by date',
          ]}
        />
      </RequirePermission>
    </>
  );
}
