import { type ReactNode, useId } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { type UseQueryResult } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { EmptyState } from '../../../components/EmptyState';
import { LoadFailed } from '../../../components/LoadFailed';
import { SectionLoader } from '../../../components/Loading';

interface CaseListSectionProps<Item> {
  title: string;
  query: UseQueryResult<Item[], Error>;
  /** "We couldn't load the invoices". */
  loadFailedTitle: string;
  /** The button that adds one, e.g. "New invoice": beside the heading, or in the empty state. */
  addLabel: string;
  onAdd: () => void;
  empty: { icon: ReactNode; title: string; text: string };
  /** The list once it has something in it. */
  children: (items: Item[]) => ReactNode;
}

/** A headed list on the case's Billing tab, with its loading, failed and empty states and a button to add one. */
export function CaseListSection<Item>({ title, query, loadFailedTitle, addLabel, onAdd, empty, children }: CaseListSectionProps<Item>) {
  const headingId = useId();
  const add = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd}>
      {addLabel}
    </Button>
  );
  return (
    <Stack component="section" aria-labelledby={headingId}>
      <Group justify="space-between">
        <Title order={3} id={headingId}>
          {title}
        </Title>
        {query.isSuccess && query.data.length > 0 && add}
      </Group>
      {query.isPending && <SectionLoader />}
      {query.isError && <LoadFailed title={loadFailedTitle} query={query} />}
      {query.isSuccess &&
        (query.data.length === 0 ? (
          <EmptyState icon={empty.icon} title={empty.title} headingOrder={3} action={add}>
            <Text>{empty.text}</Text>
          </EmptyState>
        ) : (
          children(query.data)
        ))}
    </Stack>
  );
}
