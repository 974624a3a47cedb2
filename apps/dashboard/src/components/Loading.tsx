import { Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';

/** Whole-screen wait, e.g. while a stored session is restored. */
export function FullPageLoader({ label }: { label: string }) {
  return (
    <Center mih="100dvh" role="status" aria-live="polite">
      <Stack align="center" gap="sm">
        <Loader aria-hidden />
        <Text c="dimmed">{label}</Text>
      </Stack>
    </Center>
  );
}

/** Wait inside the app shell while a page's code loads. */
export function SectionLoader() {
  return (
    <Center py="xl" role="status">
      <Loader aria-hidden />
      <VisuallyHidden>Loading…</VisuallyHidden>
    </Center>
  );
}
