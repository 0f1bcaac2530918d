import { Button, Tabs } from '@mantine/core';
import { IconMapPin, IconPhoneCall, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { CallListTab } from './components/CallListTab.js';
import { VisitsTab } from './components/VisitsTab.js';
import { browserTimeZone, dateFromAddress } from './queue-list.js';

const tabs = ['calls', 'visits'] as const;
type Tab = (typeof tabs)[number];

/**
 * The work queue of a phone or field salesperson (SALES-7): today's call list (or a later day's) and the visit
 * schedule of the coming working days, planned by the rules of their teams. The tab and the day live in the address.
 */
export const WorkQueuePage = () => {
  const { t } = useTranslation();
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const [timeZone] = useState(browserTimeZone);
  const requested = search.get('tab');
  const tab: Tab = tabs.find((value) => value === requested) ?? 'calls';
  const date = dateFromAddress(search.get('date'));
  const go = (next: { tab?: Tab; date?: string | null }) => {
    const nextTab = next.tab ?? tab;
    const nextDate = next.date === undefined ? date : next.date;
    const params: Record<string, string> = {};
    if (nextTab !== 'calls') params.tab = nextTab;
    if (nextTab === 'calls' && nextDate) params.date = nextDate;
    setSearch(params, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('queues.title')}
        description={t('queues.description')}
        actions={
          can('admin.processes') && (
            <Button
              component={Link}
              to="/admin/queue-rules"
              variant="default"
              leftSection={<IconSettings size={16} aria-hidden />}
            >
              {t('queues.rules.open')}
            </Button>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => go({ tab: value === 'visits' ? 'visits' : 'calls' })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="calls" leftSection={<IconPhoneCall size={16} aria-hidden />}>
            {t('queues.tabs.calls')}
          </Tabs.Tab>
          <Tabs.Tab value="visits" leftSection={<IconMapPin size={16} aria-hidden />}>
            {t('queues.tabs.visits')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="calls">
          <CallListTab date={date} onDateChange={(value) => go({ date: value })} timeZone={timeZone} />
        </Tabs.Panel>
        <Tabs.Panel value="visits">
          <VisitsTab timeZone={timeZone} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
};
