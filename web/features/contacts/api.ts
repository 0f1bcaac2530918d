import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '../../api/client.js';
import { clientKeys } from '../clients/api.js';

export type PreferredChannel = 'email' | 'phone' | 'mobile' | 'post';
export const preferredChannels: PreferredChannel[] = ['email', 'phone', 'mobile', 'post'];

export type Contact = {
  id: string;
  clientId: string;
  ownerId: string;
  firstName: string;
  lastName: string;
  function: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  preferredChannel: PreferredChannel | null;
  isSigningPerson: boolean;
  isPrimary: boolean;
  note: string | null;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type ContactInput = {
  firstName: string;
  lastName: string;
  function: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  preferredChannel: PreferredChannel | null;
  isSigningPerson: boolean;
  isPrimary: boolean;
  note: string | null;
};

export type ArchivedFilter = 'false' | 'true' | 'all';

export const contactKeys = {
  all: ['contacts'] as const,
  ofClient: (clientId: string) => [...contactKeys.all, 'client', clientId] as const,
  list: (clientId: string, archived: ArchivedFilter) =>
    [...contactKeys.ofClient(clientId), archived] as const,
};

export const useContacts = (clientId: string, archived: ArchivedFilter = 'false') =>
  useQuery({
    queryKey: contactKeys.list(clientId, archived),
    queryFn: ({ signal }) =>
      api.get<ItemList<Contact>>(`/clients/${clientId}/contacts`, { archived }, signal),
    select: (page) => page.items,
  });

/** A contact change shows on the client's contact list and in the client's history. */
const afterContactChange = async (queryClient: QueryClient, contact: Contact) => {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: contactKeys.ofClient(contact.clientId) }),
    queryClient.invalidateQueries({ queryKey: clientKeys.history(contact.clientId) }),
  ]);
};

type MutationOptions = { onSuccess?: (contact: Contact) => void };

export const useCreateContact = (clientId: string, options: MutationOptions = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactInput) => api.post<Contact>(`/clients/${clientId}/contacts`, body),
    onSuccess: async (contact) => {
      await afterContactChange(queryClient, contact);
      options.onSuccess?.(contact);
    },
  });
};

export const useUpdateContact = (options: MutationOptions = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<ContactInput> & { id: string; version: number }) =>
      api.patch<Contact>(`/contacts/${id}`, body),
    onSuccess: async (contact) => {
      await afterContactChange(queryClient, contact);
      options.onSuccess?.(contact);
    },
  });
};

export const useArchiveContact = (options: MutationOptions = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.post<Contact>(`/contacts/${id}/archive`, { version }),
    onSuccess: async (contact) => {
      await afterContactChange(queryClient, contact);
      options.onSuccess?.(contact);
    },
  });
};
