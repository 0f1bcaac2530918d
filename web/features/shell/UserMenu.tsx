import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronDown, IconKey, IconLanguage, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { chooseLanguage, languages } from '../../i18n/index.js';
import { useLogout, useMe } from '../auth/api.js';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

/** The signed-in user's menu: language switch, API tokens and sign-out. */
export const UserMenu = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const logout = useLogout();
  const name = me.data?.user.name ?? '';

  const signOut = () => {
    logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  };

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.userMenu.label', { name })}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="blue" radius="xl">
              {initials(name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {name}
          </Text>
          <Text size="xs">{me.data?.user.email}</Text>
          <Text size="xs">{me.data?.owner.name}</Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={14} aria-hidden />
            {t('shell.language')}
          </Group>
        </Menu.Label>
        {languages.map((lng) => (
          <Menu.Item
            key={lng}
            lang={lng}
            aria-current={i18n.language === lng ? 'true' : undefined}
            rightSection={i18n.language === lng ? <IconCheck size={14} aria-hidden /> : null}
            onClick={() => void chooseLanguage(lng)}
          >
            {t(`common.languages.${lng}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconKey size={14} aria-hidden />} onClick={() => void navigate('/tokens')}>
          {t('shell.nav.tokens')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconLogout size={14} aria-hidden />} onClick={signOut}>
          {t('shell.userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};
