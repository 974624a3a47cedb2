import { type ReactNode, useId } from 'react';
import { Skeleton, Stack, Table, VisuallyHidden } from '@mantine/core';
import { type UseQueryResult } from '@tanstack/react-query';
import { LoadFailed } from '../../../components/LoadFailed';
import { SidewaysTable } from '../../../components/SidewaysTable';
import { TabSectionHeader } from '../../case-record/components/TabSectionHeader';

interface BillingSectionProps {
  title: string;
  /** 2 on the settings page, under its h1; 3 on the case's Billing tab, under the tab's h2. */
  order: 2 | 3;
  description?: string;
  action?: ReactNode;
  children: ReactNode;
}

/** A titled part of a billing page: a region named by its heading, with its main action beside it. */
export function BillingSection({ title, order, description, action, children }: BillingSectionProps) {
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      {/* Inside the section's stack: its gap spaces the heading from what follows. */}
      <TabSectionHeader title={title} order={order} headingId={headingId} description={description} action={action} gap="md" mb={0} />
      {children}
    </Stack>
  );
}

interface QueryContentProps<T> {
  query: UseQueryResult<T>;
  /** What is read, for the loading and failure wording: "the charges". */
  what: string;
  skeletonHeight: number;
  children: (data: T) => ReactNode;
}

/** A read's loading and failed states, then what it read. */
export function QueryContent<T>({ query, what, skeletonHeight, children }: QueryContentProps<T>) {
  if (query.data !== undefined) return children(query.data);
  if (query.isError) return <LoadFailed title={`We couldn't load ${what}`} query={query} />;
  return <Skeleton height={skeletonHeight} radius="md" aria-label={`Loading ${what}`} />;
}

interface RecordTableProps {
  /** Names the table for screen readers. */
  label: string;
  /** Column headings; amounts are right-aligned. A last, unnamed column holds each row's actions. */
  columns: readonly (string | { label: string; amount: true })[];
  minWidth: number;
  /** The rows. */
  children: ReactNode;
}

/** A table of billing records that scrolls sideways on a narrow screen, its last column the row's actions. */
export function RecordTable({ label, columns, minWidth, children }: RecordTableProps) {
  return (
    <SidewaysTable label={label} minWidth={minWidth}>
      <Table verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <Table.Th key={column} scope="col">
                  {column}
                </Table.Th>
              ) : (
                <Table.Th key={column.label} scope="col" ta="right">
                  {column.label}
                </Table.Th>
              ),
            )}
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </SidewaysTable>
  );
}
