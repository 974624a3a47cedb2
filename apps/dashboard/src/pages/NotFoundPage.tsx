import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';

export default function NotFoundPage() {
  useDocumentTitle('Page not found · Trustwork');
  return (
    <Center component="main" mih="100dvh" p="md">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <Text c="teal.9" fw={700}>
          404
        </Text>
        <Title order={1} textWrap="balance">
          We can&apos;t find that page
        </Title>
        <Text c="dimmed">The link may be out of date, or the page may have moved. Nothing has been lost.</Text>
        <Button component={Link} to="/" mt="sm">
          Back to Home
        </Button>
      </Stack>
    </Center>
  );
}
