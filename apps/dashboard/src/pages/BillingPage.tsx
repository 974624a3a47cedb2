import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconLock, IconSettings } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { usePermission } from '../features/auth/hooks/use-session';
import { DownloadAgingCsvButton } from '../features/billing/components/DownloadAgingCsvButton';
import { OutstandingReport } from '../features/billing/components/OutstandingReport';
import { PracticeInvoices } from '../features/billing/components/PracticeInvoices';

export default function BillingPage() {
  const canManageBilling = usePermission(Permission.ManageBilling);
  return (
    <>
      <PageHeader
        title="Billing"
        description="What your clients and other payers owe, and every invoice the practice has written."
        actions={
          canManageBilling && (
            <Group gap="sm">
              <DownloadAgingCsvButton />
              <Button component={Link} to="/billing/settings" variant="default" leftSection={<IconSettings size={16} aria-hidden />}>
                Billing settings
              </Button>
            </Group>
          )
        }
      />
      {canManageBilling ? (
        <Stack gap="xl">
          <OutstandingReport />
          <PracticeInvoices />
        </Stack>
      ) : (
        <Alert color="gray" icon={<IconLock />} title="Billing is not part of your role">
          The practice owner and assistants record fees, invoices and payments. Ask them if you need to know what a client owes.
        </Alert>
      )}
    </>
  );
}
