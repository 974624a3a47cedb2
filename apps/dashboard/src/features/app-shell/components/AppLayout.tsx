import { Suspense } from 'react';
import { AppShell, Badge, Burger, Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { ROLE_LABELS } from '@trustwork/contracts';
import { Outlet, useLocation } from 'react-router';
import { SectionLoader } from '../../../components/Loading';
import { LoadErrorBoundary } from '../../../components/LoadErrorBoundary';
import { useSignOut } from '../../auth/hooks/use-auth-mutations';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { useBelowMd } from '../hooks/use-below-md';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { pathname } = useLocation();
  // Below a landscape tablet the navigation folds into the burger, so an upright tablet gets the full width.
  const belowMd = useBelowMd();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="md"
              size="sm"
              // A touch-sized target (44 px) around the small icon.
              w={44}
              h={44}
              p={13}
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpened}
            />
            <Text fw={700} c="teal.9" style={{ flexShrink: 0 }}>
              Trustwork
            </Text>
            <Text c="dimmed" truncate visibleFrom="xs">
              {user.practice.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Group gap={6} wrap="nowrap" visibleFrom="md">
              <Text size="sm" fw={500}>
                {user.name}
              </Text>
              <Badge variant="light" color="gray">
                {ROLE_LABELS[user.role]}
              </Badge>
            </Group>
            {/* Below md, Sign out is in the account menu, so the header fits a phone. */}
            <UserMenu onSignOut={belowMd ? () => signOut.mutate() : undefined} />
            <Button
              visibleFrom="md"
              variant="default"
              size="xs"
              leftSection={<IconLogout size={16} aria-hidden />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        <AppShell.Section grow>
          <MainNav onNavigate={closeNav} />
        </AppShell.Section>
        {/* The header hides who is signed in on small screens; say it here instead. */}
        <AppShell.Section hiddenFrom="md" pt="sm">
          <Text size="sm" fw={500}>
            {user.name}
          </Text>
          <Text size="sm" c="dimmed">
            {ROLE_LABELS[user.role]} · {user.practice.name}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        {/* Keyed by page, so moving to another page clears a failure on this one. */}
        <LoadErrorBoundary key={pathname}>
          <Suspense fallback={<SectionLoader />}>
            <Outlet />
          </Suspense>
        </LoadErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
