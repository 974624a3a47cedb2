import { Permission } from '@trustwork/contracts';
import { PageHeader } from '../components/PageHeader';
import { RequirePermission } from '../features/auth/components/RequirePermission';
import { PracticeSettingsForm } from '../features/team/components/PracticeSettingsForm';

export default function PracticeSettingsPage() {
  return (
    <>
      <PageHeader title="Practice settings" description="Settings for everyone in the practice." />
      <RequirePermission permission={Permission.ManageSettings}>
        <PracticeSettingsForm />
      </RequirePermission>
    </>
  );
}
