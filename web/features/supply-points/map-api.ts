import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { AddressMap } from './map.js';

export const addressMapKey = ['addresses', 'map'] as const;

/** Whether the server can give a map (a Mapy.cz key is configured), asked once per session. */
export const useAddressMap = () =>
  useQuery({
    queryKey: addressMapKey,
    queryFn: ({ signal }) => api.get<AddressMap>('/addresses/map', undefined, signal),
    staleTime: Infinity,
    retry: false,
  });
