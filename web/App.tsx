import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { isApiError, setUnauthorizedHandler } from './api/client.js';
import { NotFound, NoAccess } from './components/NotFound.js';
import { PageLoader } from './components/Page.js';
import { RequireAuth, RequirePermission } from './features/auth/RequireAuth.js';
import {
  ActivityDetailPage,
  ActivityListPage,
  ApiTokensPage,
  CalendarPage,
  AppLayout,
  CaseBoardPage,
  CaseDetailPage,
  CaseListPage,
  ClientDetailPage,
  ClientListPage,
  ContractDetailPage,
  ContractListPage,
  DataSentenceExportPage,
  DataSentenceLayoutsPage,
  LeadDetailPage,
  LeadImportPage,
  LeadListPage,
  OfferDetailPage,
  ApprovalPolicyPage,
  CodeListsPage,
  CommissionRulesPage,
  CommissionStatementsPage,
  CommissionsPage,
  ConsumptionBandsPage,
  LoginPage,
  MyDayPage,
  OwnersPage,
  ProcessTemplatesPage,
  ProductDetailPage,
  ProductListPage,
  RegulatedComponentsPage,
  DocumentTemplatesPage,
  QueueRulesPage,
  RolesPage,
  SupplyPointDetailPage,
  SupplyPointImportPage,
  SupplyPointListPage,
  TeamsPage,
  UsersPage,
  WorkQueuePage,
} from './routes.js';
import { makeTheme } from './theme.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx answer will not change by asking again; only network and server failures are retried.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

/** An expired session sends the user to sign in without reloading the page, and back afterwards. */
const SessionExpiry = () => {
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (window.location.pathname.startsWith('/login')) return;
      const next = encodeURIComponent(window.location.pathname + window.location.search);
      void navigate(`/login?next=${next}`, { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate]);
  return null;
};

const Guard = ({ permission, children }: { permission: string; children: ReactNode }) => (
  <RequirePermission permission={permission} fallback={<NoAccess />}>
    {children}
  </RequirePermission>
);

/** Mantine with its built-in labels (close, clear, confirm) in the UI language. */
const LocalizedMantine = ({ children }: { children: ReactNode }) => {
  const { t, i18n } = useTranslation();
  const theme = useMemo(
    () =>
      makeTheme({
        close: t('common.close'),
        clear: t('common.clear'),
        revealCharacters: t('common.revealCharacters'),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t changes with the language
    [i18n.language],
  );
  return (
    <MantineProvider theme={theme}>
      <ModalsProvider labels={{ confirm: t('common.confirm'), cancel: t('common.cancel') }}>
        {children}
      </ModalsProvider>
    </MantineProvider>
  );
};

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <LocalizedMantine>
      <Notifications position="top-right" />
      <BrowserRouter>
        <SessionExpiry />
        <Suspense fallback={<PageLoader />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route
              element={
                <RequireAuth>
                  <AppLayout />
                </RequireAuth>
              }
            >
              <Route index element={<Navigate to="/clients" replace />} />
              <Route
                path="clients"
                element={
                  <Guard permission="clients.read">
                    <ClientListPage />
                  </Guard>
                }
              />
              <Route
                path="clients/:id"
                element={
                  <Guard permission="clients.read">
                    <ClientDetailPage />
                  </Guard>
                }
              />
              <Route
                path="supply-points"
                element={
                  <Guard permission="clients.read">
                    <SupplyPointListPage />
                  </Guard>
                }
              />
              <Route
                path="supply-points/import"
                element={
                  <Guard permission="clients.write">
                    <SupplyPointImportPage />
                  </Guard>
                }
              />
              <Route
                path="supply-points/:id"
                element={
                  <Guard permission="clients.read">
                    <SupplyPointDetailPage />
                  </Guard>
                }
              />
              <Route
                path="leads"
                element={
                  <Guard permission="sales.read">
                    <LeadListPage />
                  </Guard>
                }
              />
              <Route
                path="leads/import"
                element={
                  <Guard permission="sales.write">
                    <LeadImportPage />
                  </Guard>
                }
              />
              <Route
                path="leads/:id"
                element={
                  <Guard permission="sales.read">
                    <LeadDetailPage />
                  </Guard>
                }
              />
              <Route
                path="cases"
                element={
                  <Guard permission="sales.read">
                    <CaseListPage />
                  </Guard>
                }
              />
              <Route
                path="sales-board"
                element={
                  <Guard permission="sales.read">
                    <CaseBoardPage />
                  </Guard>
                }
              />
              <Route
                path="cases/:id"
                element={
                  <Guard permission="sales.read">
                    <CaseDetailPage />
                  </Guard>
                }
              />
              <Route
                path="admin/offer-approval"
                element={
                  <Guard permission="admin.owners">
                    <ApprovalPolicyPage />
                  </Guard>
                }
              />
              <Route
                path="offers/:id"
                element={
                  <Guard permission="sales.read">
                    <OfferDetailPage />
                  </Guard>
                }
              />
              <Route
                path="contracts"
                element={
                  <Guard permission="contracts.read">
                    <ContractListPage />
                  </Guard>
                }
              />
              <Route
                path="contracts/:id"
                element={
                  <Guard permission="contracts.read">
                    <ContractDetailPage />
                  </Guard>
                }
              />
              <Route
                path="data-sentences"
                element={
                  <Guard permission="contracts.export">
                    <DataSentenceExportPage />
                  </Guard>
                }
              />
              <Route
                path="admin/data-sentences"
                element={
                  <Guard permission="admin.dataSentences">
                    <DataSentenceLayoutsPage />
                  </Guard>
                }
              />
              <Route
                path="commissions"
                element={
                  <Guard permission="commissions.read">
                    <CommissionsPage />
                  </Guard>
                }
              />
              <Route
                path="commissions/statements"
                element={
                  <Guard permission="commissions.read">
                    <CommissionStatementsPage />
                  </Guard>
                }
              />
              <Route
                path="admin/commission-rules"
                element={
                  <Guard permission="admin.commissions">
                    <CommissionRulesPage />
                  </Guard>
                }
              />
              <Route
                path="my-day"
                element={
                  <Guard permission="sales.read">
                    <MyDayPage />
                  </Guard>
                }
              />
              <Route
                path="activities"
                element={
                  <Guard permission="sales.read">
                    <ActivityListPage />
                  </Guard>
                }
              />
              <Route
                path="activities/:id"
                element={
                  <Guard permission="sales.read">
                    <ActivityDetailPage />
                  </Guard>
                }
              />
              <Route
                path="calendar"
                element={
                  <Guard permission="sales.read">
                    <CalendarPage />
                  </Guard>
                }
              />
              <Route path="products" element={<ProductListPage />} />
              <Route path="products/:id" element={<ProductDetailPage />} />
              <Route
                path="admin/regulated-prices"
                element={
                  <Guard permission="admin.pricing">
                    <RegulatedComponentsPage />
                  </Guard>
                }
              />
              <Route
                path="admin/document-templates"
                element={
                  <Guard permission="documents.templates">
                    <DocumentTemplatesPage />
                  </Guard>
                }
              />
              <Route
                path="admin/processes"
                element={
                  <Guard permission="admin.processes">
                    <ProcessTemplatesPage />
                  </Guard>
                }
              />
              <Route
                path="queues"
                element={
                  <Guard permission="sales.read">
                    <WorkQueuePage />
                  </Guard>
                }
              />
              <Route
                path="admin/queue-rules"
                element={
                  <Guard permission="admin.processes">
                    <QueueRulesPage />
                  </Guard>
                }
              />
              <Route
                path="admin/users"
                element={
                  <Guard permission="admin.users">
                    <UsersPage />
                  </Guard>
                }
              />
              <Route
                path="admin/teams"
                element={
                  <Guard permission="admin.users">
                    <TeamsPage />
                  </Guard>
                }
              />
              <Route
                path="admin/roles"
                element={
                  <Guard permission="admin.roles">
                    <RolesPage />
                  </Guard>
                }
              />
              <Route
                path="admin/owners"
                element={
                  <Guard permission="admin.owners">
                    <OwnersPage />
                  </Guard>
                }
              />
              <Route
                path="admin/code-lists"
                element={
                  <Guard permission="admin.codeLists">
                    <CodeListsPage />
                  </Guard>
                }
              />
              <Route
                path="admin/consumption-bands"
                element={
                  <Guard permission="admin.codeLists">
                    <ConsumptionBandsPage />
                  </Guard>
                }
              />
              <Route path="tokens" element={<ApiTokensPage />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </LocalizedMantine>
  </QueryClientProvider>
);
