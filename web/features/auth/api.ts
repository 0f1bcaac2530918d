import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';

export type Scope = 'own' | 'team' | 'owner' | 'all';

export type Me = {
  user: { id: string; email: string; name: string; locale: string };
  roles: { key: string; scope: string }[];
  scope: Scope;
  permissions: string[];
  owner: { id: string; name: string; country: string; currency: string };
  teams: { id: string; name: string }[];
};

export const authKeys = {
  me: ['auth', 'me'] as const,
};

/** The signed-in user, loaded once per session; `permissions` decide which actions the UI offers. */
export const useMe = () =>
  useQuery({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => api.get<Me>('/auth/me', undefined, signal),
    staleTime: Infinity,
    retry: false,
  });

/** `can('clients.write')`; false while the user is not loaded yet. */
export const useCan = (): ((permission: string) => boolean) => {
  const { data } = useMe();
  return (permission) => data?.permissions.includes(permission) ?? false;
};

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api.post<{ userId: string; expiresAt: string }>('/auth/login', body),
    onSuccess: async () => {
      queryClient.clear();
      await queryClient.fetchQuery({ queryKey: authKeys.me, queryFn: () => api.get<Me>('/auth/me') });
    },
  });
};

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      queryClient.clear();
    },
  });
};
