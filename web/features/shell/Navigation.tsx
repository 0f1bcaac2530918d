import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import {
  IconAddressBook,
  IconBriefcase,
  IconBuildingSkyscraper,
  IconCalendar,
  IconCalendarCheck,
  IconChartBar,
  IconChecklist,
  IconCoins,
  IconFileInvoice,
  IconScale,
  IconFileSpreadsheet,
  IconFileText,
  IconKey,
  IconLayoutKanban,
  IconList,
  IconListCheck,
  IconPackage,
  IconPhoneCall,
  IconReceiptTax,
  IconPlugConnected,
  IconRoute,
  IconTableOptions,
  IconTemplate,
  IconGavel,
  IconShieldLock,
  IconTargetArrow,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCan } from '../auth/api.js';

type Item = { to: string; label: string; icon: ReactNode; visible: boolean; exact?: boolean };

const NavItem = ({ item, onNavigate }: { item: Item; onNavigate: () => void }) => {
  const location = useLocation();
  const active = location.pathname === item.to || (!item.exact && location.pathname.startsWith(`${item.to}/`));
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={item.icon}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
};

/** The main navigation; administration entries appear only for roles with the matching admin permission. */
export const Navigation = ({ onNavigate }: { onNavigate: () => void }) => {
  const { t } = useTranslation();
  const can = useCan();
  const main: Item[] = [
    {
      to: '/clients',
      label: t('shell.nav.clients'),
      icon: <IconAddressBook size={18} />,
      visible: can('clients.read'),
    },
    {
      to: '/supply-points',
      label: t('shell.nav.supplyPoints'),
      icon: <IconPlugConnected size={18} />,
      visible: can('clients.read'),
    },
    { to: '/leads', label: t('leads.nav'), icon: <IconTargetArrow size={18} />, visible: can('sales.read') },
    { to: '/cases', label: t('cases.nav.list'), icon: <IconBriefcase size={18} />, visible: can('sales.read') },
    { to: '/sales-board', label: t('cases.nav.board'), icon: <IconLayoutKanban size={18} />, visible: can('sales.read') },
    { to: '/contracts', label: t('contracts.nav'), icon: <IconFileText size={18} />, visible: can('contracts.read') },
    { to: '/data-sentences', label: t('dataSentences.nav.export'), icon: <IconFileSpreadsheet size={18} />, visible: can('contracts.export') },
    { to: '/commissions', label: t('commissions.nav.commissions'), icon: <IconCoins size={18} />, visible: can('commissions.read'), exact: true },
    { to: '/commissions/statements', label: t('commissions.nav.statements'), icon: <IconFileInvoice size={18} />, visible: can('commissions.read') },
    { to: '/queues', label: t('queues.nav.queue'), icon: <IconPhoneCall size={18} />, visible: can('sales.read') },
    { to: '/my-day', label: t('activities.nav.myDay'), icon: <IconCalendarCheck size={18} />, visible: can('sales.read') },
    { to: '/activities', label: t('activities.nav.list'), icon: <IconChecklist size={18} />, visible: can('sales.read') },
    { to: '/calendar', label: t('calendar.nav'), icon: <IconCalendar size={18} />, visible: can('sales.read') },
    { to: '/products', label: t('priceLists.nav.products'), icon: <IconPackage size={18} />, visible: true },
  ];
  const admin: Item[] = [
    {
      to: '/admin/users',
      label: t('shell.nav.users'),
      icon: <IconUsers size={18} />,
      visible: can('admin.users'),
    },
    {
      to: '/admin/teams',
      label: t('shell.nav.teams'),
      icon: <IconUsersGroup size={18} />,
      visible: can('admin.users'),
    },
    {
      to: '/admin/roles',
      label: t('shell.nav.roles'),
      icon: <IconShieldLock size={18} />,
      visible: can('admin.roles'),
    },
    {
      to: '/admin/owners',
      label: t('shell.nav.owners'),
      icon: <IconBuildingSkyscraper size={18} />,
      visible: can('admin.owners'),
    },
    {
      to: '/admin/code-lists',
      label: t('shell.nav.codeLists'),
      icon: <IconList size={18} />,
      visible: can('admin.codeLists'),
    },
    {
      to: '/admin/consumption-bands',
      label: t('shell.nav.consumptionBands'),
      icon: <IconChartBar size={18} />,
      visible: can('admin.codeLists'),
    },
    { to: '/admin/regulated-prices', label: t('priceLists.nav.regulated'), icon: <IconReceiptTax size={18} />, visible: can('admin.pricing') },
    { to: '/admin/processes', label: t('processes.nav'), icon: <IconRoute size={18} />, visible: can('admin.processes') },
    { to: '/admin/offer-approval', label: t('offers.policy.nav'), icon: <IconGavel size={18} />, visible: can('admin.owners') },
    { to: '/admin/document-templates', label: t('documents.nav'), icon: <IconTemplate size={18} />, visible: can('documents.templates') },
    { to: '/admin/data-sentences', label: t('dataSentences.nav.layouts'), icon: <IconTableOptions size={18} />, visible: can('admin.dataSentences') },
    { to: '/admin/commission-rules', label: t('commissions.nav.rules'), icon: <IconScale size={18} />, visible: can('admin.commissions') },
    { to: '/admin/queue-rules', label: t('queues.nav.rules'), icon: <IconListCheck size={18} />, visible: can('admin.processes') },
  ].filter((item) => item.visible);
  const personal: Item[] = [
    { to: '/tokens', label: t('shell.nav.tokens'), icon: <IconKey size={18} />, visible: true },
  ];

  return (
    <ScrollArea component="nav" aria-label={t('shell.nav.label')} h="100%">
      <Stack gap={2}>
        {main
          .filter((item) => item.visible)
          .map((item) => (
            <NavItem key={item.to} item={item} onNavigate={onNavigate} />
          ))}
        {admin.length > 0 && (
          <>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
              {t('shell.nav.administration')}
            </Text>
            {admin.map((item) => (
              <NavItem key={item.to} item={item} onNavigate={onNavigate} />
            ))}
          </>
        )}
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
          {t('shell.nav.personal')}
        </Text>
        {personal.map((item) => (
          <NavItem key={item.to} item={item} onNavigate={onNavigate} />
        ))}
      </Stack>
    </ScrollArea>
  );
};
