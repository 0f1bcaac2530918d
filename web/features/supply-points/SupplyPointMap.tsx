import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { SupplyPoint } from './api.js';
import { addressLine } from './display.js';
import { mapViewOf } from './map.js';
import { useAddressMap } from './map-api.js';

// Leaflet is loaded only when a map is actually drawn, so installs without a Mapy.cz key never download it.
const TileMap = lazy(() => import('./components/TileMap.js').then((m) => ({ default: m.TileMap })));

export const mapHeightPx = 220;

/**
 * A small map of the supply point's address (ENERGY-3), when the server has Mapy.cz tiles and the address has a
 * position. Otherwise nothing at all, not an empty box.
 */
export const SupplyPointMap = ({ supplyPoint }: { supplyPoint: SupplyPoint }) => {
  const map = useAddressMap();
  const view = mapViewOf(map.data, supplyPoint.address);
  if (!view) return null;
  return (
    <Suspense fallback={<Skeleton h={mapHeightPx} maw={560} radius="md" />}>
      <TileMap
        // A new map for a new position: Leaflet takes the centre only when it is created.
        key={view.center.join(',')}
        view={view}
        address={addressLine(supplyPoint.address)}
        heightPx={mapHeightPx}
      />
    </Suspense>
  );
};
