import { useState } from 'react';
import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconReceipt } from '@tabler/icons-react';
import { SESSION_KIND_LABELS, type BillingService } from '@trustwork/contracts';
import { EmptyState } from '../../../components/EmptyState';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useBillingServices, useUpdateBillingService } from '../hooks/use-billing-settings';
import { BillingSection, QueryContent, RecordTable } from './BillingSection';
import { Money } from './Money';
import { ServiceFormModal } from './ServiceFormModal';
import { SuggestedServicesModal } from './SuggestedServicesModal';

/** Which dialog is open: a new service, one being edited, or the suggested set. */
type Dialog = { kind: 'service'; service: BillingService | null } | { kind: 'suggested' } | null;

/** The services the practice charges for, with their fees. */
export function ServicesSection() {
  const services = useBillingServices();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const list = services.data ?? [];

  const addService = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'service', service: null })}>
      Add service
    </Button>
  );

  return (
    <BillingSection title="Services" order={2} action={list.length > 0 && addService}>
      <QueryContent query={services} what="the services" skeletonHeight={160}>
        {(loaded) =>
          loaded.length === 0 ? (
            <EmptyState
              icon={<IconReceipt size={22} />}
              title="No services yet"
              headingOrder={3}
              action={
                <Group justify="center">
                  <Button onClick={() => setDialog({ kind: 'suggested' })}>Add the common services</Button>
                  {addService}
                </Group>
              }
            >
              <Text>
                A completed session is charged from the service of its kind whose length is nearest. Start with the usual services of a couples practice, or
                add your own.
              </Text>
            </EmptyState>
          ) : (
            <ServicesTable services={loaded} onEdit={(service) => setDialog({ kind: 'service', service })} />
          )
        }
      </QueryContent>
      <ServiceFormModal opened={dialog?.kind === 'service'} service={dialog?.kind === 'service' ? dialog.service : null} onClose={close} />
      <SuggestedServicesModal opened={dialog?.kind === 'suggested'} existing={list} onClose={close} />
    </BillingSection>
  );
}

function ServicesTable({ services, onEdit }: { services: BillingService[]; onEdit: (service: BillingService) => void }) {
  return (
    <RecordTable label="Services" columns={['Name', 'CPT', 'Kind', 'Length', 'Fee', 'Status']} minWidth={760}>
      {services.map((service) => (
        <Table.Tr key={service.id}>
          <Table.Th scope="row" fw={500}>
            {service.name}
          </Table.Th>
          <Table.Td>{service.cptCode ?? '—'}</Table.Td>
          <Table.Td>{SESSION_KIND_LABELS[service.sessionKind]}</Table.Td>
          <Table.Td>{service.defaultDurationMinutes} min</Table.Td>
          <Table.Td>
            <Money amount={service.fee} />
          </Table.Td>
          <Table.Td>{service.archived ? <Badge color="gray">Archived</Badge> : <Badge color="teal">In use</Badge>}</Table.Td>
          <Table.Td>
            <Group gap="xs" justify="flex-end" wrap="nowrap">
              <Button size="xs" variant="default" onClick={() => onEdit(service)}>
                Edit <VisuallyHidden>{service.name}</VisuallyHidden>
              </Button>
              <ArchiveButton service={service} />
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </RecordTable>
  );
}

/** Archiving keeps the service on past charges; new sessions are no longer charged from it. */
function ArchiveButton({ service }: { service: BillingService }) {
  const update = useUpdateBillingService();
  const send = useMutateOnce(update);
  const archived = !service.archived;
  return (
    <Button
      size="xs"
      variant="subtle"
      loading={update.isPending}
      onClick={() =>
        send(
          { serviceId: service.id, changes: { archived } },
          {
            onSuccess: () => notifications.show({ color: 'teal', title: archived ? 'Service archived' : 'Service restored', message: service.name }),
            onError: (error) => notifications.show({ color: 'red', title: "We couldn't change the service", message: error.message }),
          },
        )
      }
    >
      {service.archived ? 'Restore ' : 'Archive '}
      <VisuallyHidden>{service.name}</VisuallyHidden>
    </Button>
  );
}
