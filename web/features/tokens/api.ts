import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '../../api/client.js';

export type ApiToken = {
  id: string;
  name: string;
  /** The first characters of the secret, so the user can tell tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

/** Only the create response carries the secret; it is never shown again. */
export type CreatedApiToken = ApiToken & { token: string };

export const tokenKeys = { list: ['auth', 'tokens'] as const };

export const useApiTokens = () =>
  useQuery({
    queryKey: tokenKeys.list,
    queryFn: ({ signal }) => api.get<ItemList<ApiToken>>('/auth/tokens', undefined, signal),
    select: (page) => page.items,
  });

export const useCreateApiToken = (options: { onSuccess?: (token: CreatedApiToken) => void } = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresAt: string | null }) =>
      api.post<CreatedApiToken>('/auth/tokens', body),
    onSuccess: async (token) => {
      await queryClient.invalidateQueries({ queryKey: tokenKeys.list });
      options.onSuccess?.(token);
    },
  });
};

export const useRevokeApiToken = (options: { onSuccess?: () => void } = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/auth/tokens/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tokenKeys.list });
      options.onSuccess?.();
    },
  });
};
