import { Stack } from '@mantine/core';
import { Permission } from '@trustwork/contracts';
import { PageHeader } from '../components/PageHeader';
import { RequirePermission } from '../features/auth/components/RequirePermission';
import { BillingSettingsForm } from '../features/billing/components/BillingSettingsForm';
import { ClinicianCredentialsSection } from '../features/billing/components/ClinicianCredentialsSection';
import { ServicesSection } from '../features/billing/components/ServicesSection';

export default function BillingSettingsPage() {
  return (
    <>
      <PageHeader title="Billing settings" description="The currency, fees and details printed on invoices and superbills." />
      <RequirePermission permission={Permission.ManageBilling}>
        <Stack gap="xl">
          <BillingSettingsForm />
          <ServicesSection />
          <ClinicianCredentialsSection />
        </Stack>
      </RequirePermission>
    </>
  );
}
