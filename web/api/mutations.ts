import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';

export type MutationOptions<T> = { onSuccess?: (result: T) => void };

/**
 * A mutation that first refreshes what it changed (`refresh`: invalidate the queries that show it), then calls the
 * caller's onSuccess, so a caller passing its own callback can never drop the refresh.
 */
export const useRefreshingMutation = <Body, Result>(
  mutationFn: (body: Body) => Promise<Result>,
  refresh: (queryClient: QueryClient, result: Result) => Promise<unknown>,
  options: MutationOptions<Result> = {},
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result: Result) => {
      await refresh(queryClient, result);
      options.onSuccess?.(result);
    },
  });
};
