import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { phaseByNumber } from '@trustwork/trust-program';

/**
 * A case's place in the nine-phase programme: the number in a badge, then the phase's name,
 * which may wrap in a narrow column.
 */
export function PhaseBadge({ phase }: { phase: number }) {
  const title = phaseByNumber(phase)?.title;
  return (
    <Group gap={8} wrap="nowrap" align="center">
      <Badge variant="light" color="indigo" circle aria-hidden style={{ flexShrink: 0 }}>
        {phase}
      </Badge>
      <Text size="sm" lh={1.3}>
        {title ? (
          <>
            <VisuallyHidden>Phase {phase}: </VisuallyHidden>
            {title}
          </>
        ) : (
          `Phase ${phase}`
        )}
      </Text>
    </Group>
  );
}
