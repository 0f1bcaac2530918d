import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '../../api/client.js';
import { authKeys } from '../auth/api.js';

export const roleKeys = [
  'administrator',
  'manager',
  'sales',
  'backoffice',
  'contactcentre',
  'finance',
  'legal',
] as const;
export type RoleKey = (typeof roleKeys)[number];
export const scopes = ['own', 'team', 'owner', 'all'] as const;
export type Scope = (typeof scopes)[number];
export const userLocales = ['en', 'sk', 'cs', 'de', 'pl', 'ru'] as const;
export const currencies = ['EUR', 'CZK', 'PLN', 'RUB'] as const;

export type User = {
  id: string;
  ownerId: string;
  email: string;
  name: string;
  locale: string;
  isActive: boolean;
  roleKeys: RoleKey[];
  teamIds: string[];
  version: number;
};
export type UserInput = {
  ownerId?: string;
  email: string;
  name: string;
  password?: string;
  locale: string;
  isActive: boolean;
  roleKeys: RoleKey[];
  teamIds: string[];
};

export type Team = {
  id: string;
  ownerId: string;
  name: string;
  isActive: boolean;
  memberIds: string[];
  version: number;
};
export type TeamInput = { ownerId?: string; name: string; memberIds: string[]; isActive?: boolean };

export type Role = { key: RoleKey; scope: Scope; permissions: string[]; version: number };

export type Owner = {
  id: string;
  name: string;
  country: string;
  companyId: string | null;
  currency: string;
  version: number;
};
export type OwnerInput = { name: string; country: string; companyId: string | null; currency: string };

export const adminKeys = {
  users: ['admin', 'users'] as const,
  teams: ['admin', 'teams'] as const,
  roles: ['admin', 'roles'] as const,
  owners: ['admin', 'owners'] as const,
};

const listQuery = <T>(key: readonly string[], path: string, enabled = true) => ({
  queryKey: key,
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<ItemList<T>>(path, undefined, signal),
  select: (page: ItemList<T>) => page.items,
  enabled,
});

export const useUsers = (enabled = true) => useQuery(listQuery<User>(adminKeys.users, '/users', enabled));
export const useTeams = (enabled = true) => useQuery(listQuery<Team>(adminKeys.teams, '/teams', enabled));
export const useRoles = () => useQuery(listQuery<Role>(adminKeys.roles, '/roles'));
export const useOwners = (enabled = true) => useQuery(listQuery<Owner>(adminKeys.owners, '/owners', enabled));

type Options<T> = { onSuccess?: (result: T) => void };

/**
 * A save that refreshes the given lists (and the signed-in user, whose roles or teams may have changed)
 * before the caller's onSuccess runs.
 */
const useSave = <T, Body>(
  invalidate: (readonly string[])[],
  save: (body: Body) => Promise<T>,
  options: Options<T>,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: async (result) => {
      await Promise.all(
        [...invalidate, authKeys.me].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      options.onSuccess?.(result);
    },
  });
};

// Membership is stored on both sides: a user's teams are a team's members.
export const useSaveUser = (user: User | null, options: Options<User> = {}) =>
  useSave<User, UserInput>(
    [adminKeys.users, adminKeys.teams],
    (body) =>
      user
        ? api.patch<User>(`/users/${user.id}`, { ...body, version: user.version })
        : api.post<User>('/users', body),
    options,
  );

export const useSaveTeam = (team: Team | null, options: Options<Team> = {}) =>
  useSave<Team, TeamInput>(
    [adminKeys.teams, adminKeys.users],
    (body) =>
      team
        ? api.patch<Team>(`/teams/${team.id}`, { ...body, version: team.version })
        : api.post<Team>('/teams', body),
    options,
  );

export const useSaveOwner = (owner: Owner | null, options: Options<Owner> = {}) =>
  useSave<Owner, OwnerInput>(
    [adminKeys.owners],
    (body) =>
      owner
        ? api.patch<Owner>(`/owners/${owner.id}`, { ...body, version: owner.version })
        : api.post<Owner>('/owners', body),
    options,
  );

export const useSetRoleScope = (options: Options<Role> = {}) =>
  useSave<Role, { key: RoleKey; scope: Scope; version: number }>(
    [adminKeys.roles],
    ({ key, ...body }) => api.patch<Role>(`/roles/${key}`, body),
    options,
  );
