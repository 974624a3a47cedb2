import { Button } from '@mantine/core';
import { Permission } from '@trustwork/contracts';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { RequirePermission } from '../features/auth/components/RequirePermission';
import { NewCaseForm } from '../features/cases/components/NewCaseForm';

export default function NewCasePage() {
  return (
    <>
      <PageHeader
        title="New case"
        description="Bring together the two people you will be working with. Sessions, notes and timeline events are added from the case once it is open."
        actions={
          <Button component={Link} to="/cases/new/intake" variant="light">
            Guided intake with homework and portal links
          </Button>
        }
      />
      {/* A case holds clinical details, so assistants cannot start one (the API refuses too). */}
      <RequirePermission permission={Permission.ViewClinicalRecords}>
        <NewCaseForm />
      </RequirePermission>
    </>
  );
}
