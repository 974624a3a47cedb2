import { Radio, Stack } from '@mantine/core';
import { SeriesScope } from '@trustwork/contracts';

const SCOPE_LABELS: Record<SeriesScope, string> = {
  this: 'This session',
  following: 'This and following',
  all: 'All in the series',
};

interface ScopeChoiceProps {
  value: SeriesScope;
  onChange: (scope: SeriesScope) => void;
  label: string;
}

/** Which sessions of a series a change applies to; shown only for a session in a series. */
export function ScopeChoice({ value, onChange, label }: ScopeChoiceProps) {
  return (
    <Radio.Group label={label} value={value} onChange={(next) => onChange(next as SeriesScope)}>
      <Stack gap={6} mt={6}>
        {Object.values(SeriesScope).map((scope) => (
          <Radio key={scope} value={scope} label={SCOPE_LABELS[scope]} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
