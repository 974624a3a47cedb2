import { useMemo } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, Switch } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { Permission, roleHasPermission, type CaseloadSort } from '@trustwork/contracts';
import { usePermission } from '../../auth/hooks/use-session';
import { useTeamMembers } from '../../team/hooks/use-team';
import { CASE_STATUS_OPTIONS, PHASE_OPTIONS, RELATIONSHIP_OPTIONS } from '../case-options';
import { type CaseloadFilterName, type CaseloadFilters as Filters } from '../hooks/use-caseload-filters';
import { SearchInput } from '../../../components/SearchInput';

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
function ClinicianFilter({ value, onChange }: { value: string | null; onChange: (value: string | null) => void }) {
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

export function CaseloadFilters({ filters, sorts, isFiltered, onChange, onClear }: CaseloadFiltersProps) {
  // A clinician's caseload is already only their own cases.
  const canFilterByClinician = usePermission(Permission.ViewAllCases);
  // Alerts are clinical: an assistant's cases never have any, so the switch would only empty the list.
  const canFilterByAttention = usePermission(Permission.ViewClinicalRecords);

  return (
    <Stack role="search" aria-label="Search and filter cases" gap="sm" mb="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="sm">
        <SearchInput value={filters.search ?? ''} onSearch={(search) => onChange('search', search)} placeholder="Either name" />
        <Select
          label="Status"
          placeholder="Any status"
          data={CASE_STATUS_OPTIONS}
          clearable
          value={filters.status ?? null}
          onChange={(value) => onChange('status', value)}
        />
        <Select
          label="Phase"
          placeholder="Any phase"
          data={PHASE_OPTIONS}
          clearable
          comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
          value={filters.phase ? String(filters.phase) : null}
          onChange={(value) => onChange('phase', value)}
        />
        <Select
          label="Relationship"
          placeholder="Any relationship"
          data={RELATIONSHIP_OPTIONS}
          clearable
          value={filters.relationshipType ?? null}
          onChange={(value) => onChange('relationshipType', value)}
        />
        {canFilterByClinician && (
          <ClinicianFilter value={filters.clinicianId ?? null} onChange={(value) => onChange('clinicianId', value)} />
        )}
        <Select
          label="Sort by"
          data={sorts.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))}
          allowDeselect={false}
          value={filters.sort ?? null}
          onChange={(value) => onChange('sort', value)}
        />
      </SimpleGrid>
      {(canFilterByAttention || isFiltered) && (
        <Group justify="space-between" gap="sm" mih={30}>
          {canFilterByAttention && (
            <Switch
              label="Needs attention"
              description="Only cases with open alerts"
              checked={filters.attention ?? false}
              onChange={(event) => onChange('attention', event.currentTarget.checked ? 'true' : null)}
            />
          )}
          {isFiltered && (
            <Button variant="subtle" size="xs" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
              Clear filters
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
