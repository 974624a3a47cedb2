import { Button, Group, Select, SimpleGrid, Stack, Switch } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { type ExerciseQuery } from '@trustwork/contracts';
import { SearchInput } from '../../../components/SearchInput';
import { type LibraryFilterName } from '../hooks/use-library-filters';
import { AUDIENCE_OPTIONS, PHASE_OPTIONS } from '../library-wording';

interface LibraryFiltersProps {
  query: ExerciseQuery;
  isFiltered: boolean;
  onChange: (name: LibraryFilterName, value: string | null) => void;
  onClear: () => void;
}

export function LibraryFilters({ query, isFiltered, onChange, onClear }: LibraryFiltersProps) {
  return (
    <Stack role="search" aria-label="Search and filter exercises" gap="sm" mb="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <SearchInput value={query.search ?? ''} onSearch={(search) => onChange('search', search)} placeholder="Title, purpose or instructions" />
        <Select
          label="Phase"
          placeholder="Every phase"
          data={PHASE_OPTIONS}
          clearable
          value={query.phase ?? null}
          onChange={(value) => onChange('phase', value)}
        />
        <Select
          label="Who does it"
          placeholder="Anyone"
          data={AUDIENCE_OPTIONS}
          clearable
          value={query.audience ?? null}
          onChange={(value) => onChange('audience', value)}
        />
      </SimpleGrid>
      <Group justify="space-between">
        <Switch
          label="Show archived templates"
          checked={query.includeArchived ?? false}
          onChange={(event) => onChange('includeArchived', event.currentTarget.checked ? 'true' : null)}
        />
        {isFiltered && (
          <Button variant="subtle" size="xs" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
            Clear filters
          </Button>
        )}
      </Group>
    </Stack>
  );
}
