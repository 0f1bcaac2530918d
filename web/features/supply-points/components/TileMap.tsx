import { Anchor, Box, Image, VisuallyHidden } from '@mantine/core';
import { icon } from 'leaflet';
import markerIconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import markerIconUrl from 'leaflet/dist/images/marker-icon.png';
import markerShadowUrl from 'leaflet/dist/images/marker-shadow.png';
import 'leaflet/dist/leaflet.css';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AttributionControl, MapContainer, Marker, TileLayer, useMap, ZoomControl } from 'react-leaflet';
import { attributionHtml, type MapView } from '../map.js';

// Leaflet's default marker finds its images through a CSS path that bundlers rewrite; give it the bundled files.
const markerIcon = icon({
  iconUrl: markerIconUrl,
  iconRetinaUrl: markerIconRetinaUrl,
  shadowUrl: markerShadowUrl,
  iconSize: [25, 41],
  iconAnchor: [12, 41],
  shadowSize: [41, 41],
});

/**
 * Names the map for assistive technology. Leaflet's container is focusable (arrow keys pan, + and − zoom) and Tab
 * moves on past it, so the keyboard is never trapped; it only lacks a role and a name.
 */
const AccessibleContainer = ({ label, descriptionId }: { label: string; descriptionId: string }) => {
  const { t } = useTranslation();
  const map = useMap();
  const roleDescription = t('addresses.map.roleDescription');
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'region');
    container.setAttribute('aria-roledescription', roleDescription);
    container.setAttribute('aria-label', label);
    container.setAttribute('aria-describedby', descriptionId);
  }, [map, label, roleDescription, descriptionId]);
  return null;
};

/** Mapy.cz tiles around one point, with a marker and the attribution and logo the Mapy.cz terms require. */
export const TileMap = ({
  view,
  address,
  heightPx,
}: {
  view: MapView;
  address: string;
  heightPx: number;
}) => {
  const { t } = useTranslation();
  const descriptionId = useId();
  const { tiles } = view;

  return (
    <Box
      pos="relative"
      h={heightPx}
      maw={560}
      style={{ borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}
    >
      <MapContainer
        center={view.center}
        zoom={view.zoom}
        minZoom={tiles.minZoom}
        maxZoom={tiles.maxZoom}
        // The map sits in a scrolling page: the wheel scrolls the page, not the map.
        scrollWheelZoom={false}
        zoomControl={false}
        attributionControl={false}
        style={{ height: '100%', width: '100%' }}
      >
        <AccessibleContainer label={t('addresses.map.label', { address })} descriptionId={descriptionId} />
        <TileLayer
          url={tiles.tileUrlTemplate}
          tileSize={tiles.tileSize}
          minZoom={tiles.minZoom}
          maxZoom={tiles.maxZoom}
          attribution={attributionHtml(tiles.attribution)}
        />
        <Marker
          position={view.center}
          icon={markerIcon}
          alt={t('addresses.map.marker')}
          interactive={false}
          keyboard={false}
        />
        <ZoomControl
          position="topright"
          zoomInTitle={t('addresses.map.zoomIn')}
          zoomOutTitle={t('addresses.map.zoomOut')}
        />
        <AttributionControl position="bottomright" prefix={false} />
      </MapContainer>
      <VisuallyHidden id={descriptionId}>{t('addresses.map.keyboardHint')}</VisuallyHidden>
      {/* The Mapy.cz terms: their logo over the map, at least minHeightPx high, linking to mapy.cz. */}
      <Anchor
        href={tiles.logo.linkUrl}
        target="_blank"
        rel="noopener noreferrer"
        pos="absolute"
        left={8}
        bottom={8}
        style={{ zIndex: 1000, lineHeight: 0 }}
      >
        <Image src={tiles.logo.imageUrl} alt={t('addresses.map.logo')} h={tiles.logo.minHeightPx} w="auto" />
      </Anchor>
    </Box>
  );
};
