import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

/** The tab the address asks for (`?tab=`) when it is one of `tabs` (or what `tabs` makes of it), else the overview. */
const openTab = (tabs: readonly string[] | ((requested: string | null) => string), requested: string | null) => {
  if (typeof tabs === 'function') return tabs(requested);
  return requested !== null && tabs.includes(requested) ? requested : 'overview';
};

/**
 * The tabs of a record's card. The open tab lives in the address, so a link can open it and reloading keeps it;
 * the overview leaves the address clean. A tab's content mounts only while it is open.
 */
export const CardTabs = ({
  tabs,
  children,
}: {
  tabs: readonly string[] | ((requested: string | null) => string);
  children: ReactNode;
}) => {
  const [search, setSearch] = useSearchParams();
  return (
    <Tabs
      value={openTab(tabs, search.get('tab'))}
      onChange={(value) => setSearch(value && value !== 'overview' ? { tab: value } : {}, { replace: true })}
      keepMounted={false}
    >
      {children}
    </Tabs>
  );
};
