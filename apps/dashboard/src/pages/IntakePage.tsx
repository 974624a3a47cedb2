import { Permission } from '@trustwork/contracts';
import { PageHeader } from '../components/PageHeader';
import { RequirePermission } from '../features/auth/components/RequirePermission';
import { IntakeWizard } from '../features/intake/components/IntakeWizard';

export default function IntakePage() {
  return (
    <>
      <PageHeader
        title="New case: guided intake"
        description="The two people, where they start, their first exercises and their portal links, created together in one step."
      />
      {/* An intake writes clinical records and makes portal links: not for assistants (the API refuses too). */}
      <RequirePermission permission={Permission.ViewClinicalRecords}>
        <IntakeWizard />
      </RequirePermission>
    </>
  );
}
