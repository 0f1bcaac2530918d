import { Grid, Stack } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { SupplyPoint } from './api.js';
import { DerivedParametersPanel } from './components/DerivedParametersPanel.js';
import { ForecastsTab } from './components/ForecastsTab.js';
import { HolderSection } from './components/HolderSection.js';
import { MetersTab } from './components/MetersTab.js';
import { SupplyPointHistory } from './components/SupplyPointHistory.js';
import { SupplyPointOverview } from './components/SupplyPointOverview.js';

/** What every tab of the supply-point card receives. */
export type SupplyPointTabProps = { supplyPoint: SupplyPoint };

export type SupplyPointTab = {
  /** The `?tab=` value in the address. */
  value: string;
  label: (t: TFunction) => string;
  /** Null while the module providing the tab does not exist yet: the tab shows, disabled, as "comes later". */
  panel: ComponentType<SupplyPointTabProps> | null;
};

const OverviewTab = ({ supplyPoint }: SupplyPointTabProps) => (
  <Grid gap="lg">
    <Grid.Col span={{ base: 12, lg: 8 }}>
      <SupplyPointOverview supplyPoint={supplyPoint} />
    </Grid.Col>
    <Grid.Col span={{ base: 12, lg: 4 }}>
      <Stack gap="md">
        <HolderSection supplyPoint={supplyPoint} />
        <DerivedParametersPanel supplyPoint={supplyPoint} />
      </Stack>
    </Grid.Col>
  </Grid>
);

const HistoryTab = ({ supplyPoint }: SupplyPointTabProps) => (
  <SupplyPointHistory supplyPointId={supplyPoint.id} />
);

/**
 * The tabs of the supply-point card, in order. A module adds its tab by giving its entry a panel component
 * (as `MetersTab` and `ForecastsTab` do), nothing else changes.
 */
export const supplyPointTabs: SupplyPointTab[] = [
  { value: 'overview', label: (t) => t('supplyPoints.tabs.overview'), panel: OverviewTab },
  { value: 'meters', label: (t) => t('supplyPoints.tabs.meters'), panel: MetersTab },
  { value: 'forecasts', label: (t) => t('supplyPoints.tabs.forecasts'), panel: ForecastsTab },
  { value: 'history', label: (t) => t('supplyPoints.tabs.history'), panel: HistoryTab },
];

/** The tab the address asks for, when it exists and is available; else the overview. */
export const tabFromAddress = (
  requested: string | null,
  tabs: SupplyPointTab[] = supplyPointTabs,
): string => {
  const found = tabs.find((tab) => tab.value === requested && tab.panel);
  return found ? found.value : 'overview';
};
