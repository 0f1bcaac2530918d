import { Center } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../../api/client.js';
import { PageError, PageLoader } from '../../components/Page.js';
import { adoptProfileLanguage } from '../../i18n/index.js';
import { useMe } from './api.js';

/** Renders its children only for a signed-in user; otherwise sends them to sign in and back. */
export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const me = useMe();
  const location = useLocation();
  const locale = me.data?.user.locale;

  useEffect(() => {
    if (locale) void adoptProfileLanguage(locale);
  }, [locale]);

  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      return (
        <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
      );
    }
    return (
      <Center mih="100vh" p="md">
        <PageError error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  return children;
};

/** Shows a page only to users with one of the permissions; others see a polite refusal. */
export const RequirePermission = ({
  permission,
  children,
  fallback,
}: {
  permission: string;
  children: ReactNode;
  fallback: ReactNode;
}) => {
  const me = useMe();
  return me.data?.permissions.includes(permission) ? children : fallback;
};
