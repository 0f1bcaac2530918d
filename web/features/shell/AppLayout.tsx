import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBolt } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { PageLoader } from '../../components/Page.js';
import { GlobalSearch } from './GlobalSearch.js';
import { Navigation } from './Navigation.js';
import { Reminders } from './Reminders.js';
import { UserMenu } from './UserMenu.js';

/** The signed-in frame: header with search and user menu, navigation on the left, the page in the middle. */
export const AppLayout = () => {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNavigation')}
            />
            <Anchor component={Link} to="/clients" underline="never" c="inherit">
              <Group gap={6} wrap="nowrap">
                <IconBolt size={24} color="var(--mantine-color-blue-6)" aria-hidden />
                <Text fw={700} size="lg" component="span">
                  {t('shell.appName')}
                </Text>
              </Group>
            </Anchor>
          </Group>
          <Group gap="md" wrap="nowrap">
            <GlobalSearch />
            <Reminders />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Navigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
};
