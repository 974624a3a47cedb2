import { useEffect, useRef, useState } from 'react';
import { Button, CloseButton, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { type ExerciseQuery } from '@trustwork/contracts';
import { type LibraryFilterName } from '../hooks/use-library-filters';
import { AUDIENCE_OPTIONS, PHASE_OPTIONS } from '../library-wording';

/** Long enough that a word typed at normal speed is one request, short enough to feel live. */
const SEARCH_DELAY_MS = 350;
/** The API's own limit. */
const SEARCH_MAX_LENGTH = 100;

/** Searches titles, purposes and instructions once typing pauses. */
function LibrarySearchInput({ value, onSearch }: { value: string; onSearch: (search: string) => void }) {
  const [text, setText] = useState(value);
  // The search last sent from here: any other value means the address changed (back, Clear filters).
  const sent = useRef(value);
  const search = useDebouncedCallback((next: string) => {
    sent.current = next.trim();
    onSearch(sent.current);
  }, SEARCH_DELAY_MS);

  useEffect(() => {
    if (value === sent.current) return;
    search.cancel();
    sent.current = value;
    setText(value);
  }, [value, search]);

  const clear = () => {
    search.cancel();
    setText('');
    sent.current = '';
    onSearch('');
  };

  return (
    <TextInput
      type="search"
      label="Search"
      placeholder="Title, purpose or instructions"
      maxLength={SEARCH_MAX_LENGTH}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={text ? <CloseButton size="sm" aria-label="Clear search" onClick={clear} /> : null}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') search.flush();
      }}
    />
  );
}

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
        <LibrarySearchInput value={query.search ?? ''} onSearch={(search) => onChange('search', search)} />
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
