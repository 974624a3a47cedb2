import { useState } from 'react';
import { Anchor, Button, Group, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { IconFilterOff } from '@tabler/icons-react';
import { AUDIT_RECORD_TYPES, type AuditRecordType } from '@trustwork/contracts';
import { Link } from 'react-router';
import { practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { useTeamMembers } from '../../team/hooks/use-team';
import { type AuditFilters } from '../hooks/use-audit-filters';
import { RECORD_TYPE_LABELS } from './audit-wording';

const RECORD_TYPE_OPTIONS = AUDIT_RECORD_TYPES.map((type) => ({ value: type, label: RECORD_TYPE_LABELS[type] }));

function usePersonOptions() {
  const team = useTeamMembers();
  const options = [...(team.data ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    // Former colleagues stay listed: their past reads are exactly what an owner may need to check.
    .map((member) => ({ value: member.id, label: member.active ? member.name : `${member.name} (deactivated)` }));
  const placeholder = team.isPending ? 'Loading the team…' : team.isError ? "Couldn't load the team" : 'Everyone';
  return { options, placeholder };
}

interface AuditFilterBarProps {
  filters: AuditFilters;
  hasFilters: boolean;
  onChange: (changes: Partial<AuditFilters>) => void;
  onClear: () => void;
}

export function AuditFilterBar({ filters, hasFilters, onChange, onClear }: AuditFilterBarProps) {
  const timeZone = usePracticeTimeZone();
  const person = usePersonOptions();
  // The first click of a range picks only its start; hold it here until the end is picked too.
  const [partialRange, setPartialRange] = useState<DatesRangeValue<string> | null>(null);

  const changeDates = (range: DatesRangeValue<string>) => {
    const [fromDate, toDate] = range;
    if (fromDate && !toDate) {
      setPartialRange(range);
      return;
    }
    setPartialRange(null);
    onChange({ fromDate, toDate });
  };

  return (
    <Stack gap="sm" mb="md">
      <Group align="flex-end" gap="sm">
        <Select
          label="Person"
          placeholder={person.placeholder}
          data={person.options}
          value={filters.person}
          onChange={(value) => onChange({ person: value })}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Show everyone' }}
          nothingFoundMessage="No one by that name"
          w={{ base: '100%', xs: 220 }}
        />
        <Select
          label="Record"
          placeholder="Every kind"
          data={RECORD_TYPE_OPTIONS}
          value={filters.recordType}
          onChange={(value) => onChange({ recordType: value as AuditRecordType | null })}
          clearable
          clearButtonProps={{ 'aria-label': 'Show every kind of record' }}
          w={{ base: '100%', xs: 200 }}
        />
        <DatePickerInput
          type="range"
          label="Dates"
          placeholder="Any date"
          value={partialRange ?? [filters.fromDate, filters.toDate]}
          onChange={changeDates}
          allowSingleDateInRange
          clearable
          clearButtonProps={{ 'aria-label': 'Show every date' }}
          maxDate={practiceToday(timeZone)}
          valueFormat="D MMM YYYY"
          w={{ base: '100%', xs: 260 }}
        />
        <Switch
          label="Include views"
          checked={!filters.changesOnly}
          onChange={(event) => onChange({ changesOnly: event.currentTarget.checked ? null : true })}
          mb={4}
        />
        {hasFilters && (
          <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
            Clear filters
          </Button>
        )}
      </Group>
      {filters.caseId && (
        <Paper withBorder radius="md" px="md" py="xs" bg="gray.0">
          <Group gap="sm" justify="space-between">
            <Text size="sm">Showing the activity on one case.</Text>
            <Group gap="sm">
              <Anchor component={Link} to={`/cases/${encodeURIComponent(filters.caseId)}`} size="sm">
                Open the case
              </Anchor>
              <Button size="compact-sm" variant="subtle" onClick={() => onChange({ caseId: null })}>
                Show every case
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
