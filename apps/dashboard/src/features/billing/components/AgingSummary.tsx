import { Paper, SimpleGrid, Text, Title, VisuallyHidden } from '@mantine/core';
import { AGING_BUCKETS, type AgingAmounts } from '@trustwork/contracts';
import { Money } from './Money';

/** What is owed by how long since its invoice was issued, and in all: a list of terms and amounts. */
export function AgingSummary({ totals }: { totals: AgingAmounts }) {
  const cards = [...AGING_BUCKETS.map(({ key, label }) => ({ key, label, amount: totals[key] })), { key: 'total', label: 'Outstanding', amount: totals.total }];
  return (
    <section aria-labelledby="owed-by-age">
      <VisuallyHidden>
        <Title order={2} id="owed-by-age">
          What is owed, by age
        </Title>
      </VisuallyHidden>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 5 }} spacing="md" m={0}>
      {cards.map(({ key, label, amount }) => (
        <Paper key={key} withBorder p="md" radius="md" bg={key === 'total' ? 'var(--mantine-color-default-hover)' : undefined}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700}>
            <Money amount={amount} />
          </Text>
        </Paper>
      ))}
      </SimpleGrid>
    </section>
  );
}
