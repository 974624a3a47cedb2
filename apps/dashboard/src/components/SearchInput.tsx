import { useEffect, useRef, useState } from 'react';
import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';

/** Long enough that a word typed at normal speed is one request, short enough to feel live. */
const SEARCH_DELAY_MS = 350;
/** The API's own limit for every search. */
const SEARCH_MAX_LENGTH = 100;

interface SearchInputProps {
  /** The search in effect (from the address). */
  value: string;
  onSearch: (search: string) => void;
  /** What it searches, short enough for the box's narrowest width, e.g. "Either name". */
  placeholder: string;
}

/** A search box that searches once typing pauses (Enter searches at once). */
export function SearchInput({ value, onSearch, placeholder }: SearchInputProps) {
  const [text, setText] = useState(value);
  // The search last sent from here: any other value arriving means the address changed
  // under us (back button, Clear filters), and the box should show it.
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
      placeholder={placeholder}
      maxLength={SEARCH_MAX_LENGTH}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={text ? <CloseButton size="sm" aria-label="Clear search" onClick={clear} /> : null}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        // Enter searches at once, for those who expect it to.
        if (event.key === 'Enter') search.flush();
      }}
    />
  );
}
