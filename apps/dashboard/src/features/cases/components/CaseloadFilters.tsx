import { useId, useMemo } from 'react';
import { Box, Button, Collapse, Group, rem, Select, type SelectProps, SimpleGrid, Stack, Switch } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff } from '@tabler/icons-react';
import { Permission, roleHasPermission, type CaseloadSort } from '@trustwork/contracts';
import { useBelowMd } from '../../app-shell/hooks/use-below-md';
import { usePermission } from '../../auth/hooks/use-session';
import { useTeamMembers } from '../../team/hooks/use-team';
import { CASE_STATUS_OPTIONS, PHASE_OPTIONS, RELATIONSHIP_OPTIONS } from '../case-options';
import { type CaseloadFilterName, type CaseloadFilters as Filters } from '../hooks/use-caseload-filters';
import { SearchInput } from '../../../components/SearchInput';
import classes from './CaseloadFilters.module.css';

const SORT_LABELS: Record<CaseloadSort, string> = {
  attention: 'Needs attention first',
  updated: 'Recently updated',
  name: 'Name (A to Z)',
  'next-session': 'Next session first',
};

/**
 * Narrows an owner's or assistant's caseload to one clinician. Former colleagues stay listed
 * (marked) because their old cases still carry their name. Without the team list (refused or
 * failed) the filter is left out rather than shown broken.
 */
function ClinicianFilter({ value, onChange, styles }: { value: string | null; onChange: (value: string | null) => void; styles?: SelectProps['styles'] }) {
  const team = useTeamMembers();
  const options = useMemo(
    () =>
      team.data
        ?.filter((member) => roleHasPermission(member.role, Permission.TakeCases))
        .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name))
        .map((member) => ({ value: member.id, label: member.active ? member.name : `${member.name} (deactivated)` })),
    [team.data],
  );
  if (!options) return null;
  return (
    <Select
      styles={styles}
      label="Clinician"
      placeholder="Any clinician"
      data={options}
      clearable
      searchable
      nothingFoundMessage="No one by that name"
      value={value}
      onChange={onChange}
    />
  );
}

interface CaseloadFiltersProps {
  filters: Filters;
  /** The orders this role may choose. */
  sorts: readonly CaseloadSort[];
  isFiltered: boolean;
  onChange: (name: CaseloadFilterName, value: string | null) => void;
  onClear: () => void;
}

/** How many of the filters behind the "Filters" button are on (search and the switch stay in view). */
export function countHiddenFilters(filters: Filters): number {
  return [filters.status, filters.phase, filters.relationshipType, filters.clinicianId].filter(Boolean).length;
}

/** "Filters", or "Filters (2)" when two of them are on. */
export function filtersLabel(count: number): string {
  return count > 0 ? `Filters (${count})` : 'Filters';
}

export function CaseloadFilters({ filters, sorts, isFiltered, onChange, onClear }: CaseloadFiltersProps) {
  // A clinician's caseload is already only their own cases.
  const canFilterByClinician = usePermission(Permission.ViewAllCases);
  // Alerts are clinical: an assistant's cases never have any, so the switch would only empty the list.
  const canFilterByAttention = usePermission(Permission.ViewClinicalRecords);
  // Below a landscape tablet the filters fold behind one button, so the first cases are on the first screen.
  const belowMd = useBelowMd();
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const panelId = useId();

  // On touch screens each select is a 44 px target (Mantine sizes inputs through this variable).
  const touchStyles = belowMd ? { wrapper: { '--input-height-sm': rem(44) } } : undefined;
  const search = <SearchInput value={filters.search ?? ''} onSearch={(value) => onChange('search', value)} placeholder="Either name" />;
  const fields = (
    <>
      <Select
        styles={touchStyles}
        label="Status"
        placeholder="Any status"
        data={CASE_STATUS_OPTIONS}
        clearable
        value={filters.status ?? null}
        onChange={(value) => onChange('status', value)}
      />
      <Select
        styles={touchStyles}
        label="Phase"
        placeholder="Any phase"
        data={PHASE_OPTIONS}
        clearable
        comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
        value={filters.phase ? String(filters.phase) : null}
        onChange={(value) => onChange('phase', value)}
      />
      <Select
        styles={touchStyles}
        label="Relationship"
        placeholder="Any relationship"
        data={RELATIONSHIP_OPTIONS}
        clearable
        value={filters.relationshipType ?? null}
        onChange={(value) => onChange('relationshipType', value)}
      />
      {canFilterByClinician && (
        <ClinicianFilter styles={touchStyles} value={filters.clinicianId ?? null} onChange={(value) => onChange('clinicianId', value)} />
      )}
      <Select
        styles={touchStyles}
        label="Sort by"
        data={sorts.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))}
        allowDeselect={false}
        value={filters.sort ?? null}
        onChange={(value) => onChange('sort', value)}
      />
    </>
  );

  const switchRow = (canFilterByAttention || isFiltered) && (
    <Group justify="space-between" gap="sm" mih={30}>
      {canFilterByAttention && (
        <Switch
          // On touch screens the switch (its input spans the label) is a 44 px target.
          styles={belowMd ? { body: { minHeight: 44, alignItems: 'center' } } : undefined}
          label="Needs attention"
          description="Only cases with open alerts"
          checked={filters.attention ?? false}
          onChange={(event) => onChange('attention', event.currentTarget.checked ? 'true' : null)}
        />
      )}
      {isFiltered && (
        <Button
          variant="subtle"
          size={belowMd ? 'sm' : 'xs'}
          mih={belowMd ? 44 : undefined}
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={onClear}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );

  if (belowMd) {
    return (
      <Stack role="search" aria-label="Search and filter cases" gap="sm" mb="md">
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <Box flex={1} miw={0} className={classes.touchSearch}>
            {search}
          </Box>
          <Button
            variant={filtersOpen ? 'light' : 'default'}
            mih={44}
            leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />}
            aria-expanded={filtersOpen}
            aria-controls={panelId}
            onClick={toggleFilters}
          >
            {filtersLabel(countHiddenFilters(filters))}
          </Button>
        </Group>
        <Collapse expanded={filtersOpen} id={panelId} role="group" aria-label="Filters">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {fields}
          </SimpleGrid>
        </Collapse>
        {switchRow}
      </Stack>
    );
  }

  return (
    <Stack role="search" aria-label="Search and filter cases" gap="sm" mb="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="sm">
        {search}
        {fields}
      </SimpleGrid>
      {switchRow}
    </Stack>
  );
}
