import { lazy } from 'react';

// One chunk per feature: the Mantine bundle is large, so each screen loads only what it needs.
export const LoginPage = lazy(() =>
  import('./features/auth/LoginPage.js').then((m) => ({ default: m.LoginPage })),
);
export const AppLayout = lazy(() =>
  import('./features/shell/AppLayout.js').then((m) => ({ default: m.AppLayout })),
);
export const ClientListPage = lazy(() =>
  import('./features/clients/ClientListPage.js').then((m) => ({ default: m.ClientListPage })),
);
export const ClientDetailPage = lazy(() =>
  import('./features/clients/ClientDetailPage.js').then((m) => ({ default: m.ClientDetailPage })),
);
export const SupplyPointListPage = lazy(() =>
  import('./features/supply-points/SupplyPointListPage.js').then((m) => ({ default: m.SupplyPointListPage })),
);
export const SupplyPointDetailPage = lazy(() =>
  import('./features/supply-points/SupplyPointDetailPage.js').then((m) => ({
    default: m.SupplyPointDetailPage,
  })),
);
export const SupplyPointImportPage = lazy(() =>
  import('./features/supply-points/SupplyPointImportPage.js').then((m) => ({
    default: m.SupplyPointImportPage,
  })),
);
export const UsersPage = lazy(() =>
  import('./features/admin/UsersPage.js').then((m) => ({ default: m.UsersPage })),
);
export const TeamsPage = lazy(() =>
  import('./features/admin/TeamsPage.js').then((m) => ({ default: m.TeamsPage })),
);
export const RolesPage = lazy(() =>
  import('./features/admin/RolesPage.js').then((m) => ({ default: m.RolesPage })),
);
export const OwnersPage = lazy(() =>
  import('./features/admin/OwnersPage.js').then((m) => ({ default: m.OwnersPage })),
);
export const CodeListsPage = lazy(() =>
  import('./features/admin/CodeListsPage.js').then((m) => ({ default: m.CodeListsPage })),
);
export const ConsumptionBandsPage = lazy(() =>
  import('./features/admin/ConsumptionBandsPage.js').then((m) => ({ default: m.ConsumptionBandsPage })),
);
export const CaseListPage = lazy(() =>
  import('./features/cases/CaseListPage.js').then((m) => ({ default: m.CaseListPage })),
);
export const CaseDetailPage = lazy(() =>
  import('./features/cases/CaseDetailPage.js').then((m) => ({ default: m.CaseDetailPage })),
);
export const ApprovalPolicyPage = lazy(() =>
  import('./features/offers/ApprovalPolicyPage.js').then((m) => ({ default: m.ApprovalPolicyPage })),
);
export const OfferDetailPage = lazy(() =>
  import('./features/offers/OfferDetailPage.js').then((m) => ({ default: m.OfferDetailPage })),
);
export const ContractListPage = lazy(() =>
  import('./features/contracts/ContractListPage.js').then((m) => ({ default: m.ContractListPage })),
);
export const ContractDetailPage = lazy(() =>
  import('./features/contracts/ContractDetailPage.js').then((m) => ({ default: m.ContractDetailPage })),
);
export const CaseBoardPage = lazy(() =>
  import('./features/cases/CaseBoardPage.js').then((m) => ({ default: m.CaseBoardPage })),
);
export const DataSentenceLayoutsPage = lazy(() =>
  import('./features/data-sentences/LayoutsPage.js').then((m) => ({ default: m.LayoutsPage })),
);
export const DataSentenceExportPage = lazy(() =>
  import('./features/data-sentences/ExportPage.js').then((m) => ({ default: m.ExportPage })),
);
export const DocumentTemplatesPage = lazy(() =>
  import('./features/documents/DocumentTemplatesPage.js').then((m) => ({ default: m.DocumentTemplatesPage })),
);
export const ProcessTemplatesPage = lazy(() =>
  import('./features/processes/ProcessTemplatesPage.js').then((m) => ({ default: m.ProcessTemplatesPage })),
);
export const WorkQueuePage = lazy(() =>
  import('./features/queues/WorkQueuePage.js').then((m) => ({ default: m.WorkQueuePage })),
);
export const QueueRulesPage = lazy(() =>
  import('./features/queues/QueueRulesPage.js').then((m) => ({ default: m.QueueRulesPage })),
);
export const ActivityListPage = lazy(() =>
  import('./features/activities/ActivityListPage.js').then((m) => ({ default: m.ActivityListPage })),
);
export const ActivityDetailPage = lazy(() =>
  import('./features/activities/ActivityDetailPage.js').then((m) => ({ default: m.ActivityDetailPage })),
);
export const MyDayPage = lazy(() => import('./features/activities/MyDayPage.js').then((m) => ({ default: m.MyDayPage })));
export const CalendarPage = lazy(() =>
  import('./features/calendar/CalendarPage.js').then((m) => ({ default: m.CalendarPage })),
);
export const ApiTokensPage = lazy(() =>
  import('./features/tokens/ApiTokensPage.js').then((m) => ({ default: m.ApiTokensPage })),
);
export const LeadListPage = lazy(() =>
  import('./features/leads/LeadListPage.js').then((m) => ({ default: m.LeadListPage })),
);
export const LeadDetailPage = lazy(() =>
  import('./features/leads/LeadDetailPage.js').then((m) => ({ default: m.LeadDetailPage })),
);
export const LeadImportPage = lazy(() =>
  import('./features/leads/LeadImportPage.js').then((m) => ({ default: m.LeadImportPage })),
);
export const ProductListPage = lazy(() =>
  import('./features/price-lists/ProductListPage.js').then((m) => ({ default: m.ProductListPage })),
);
export const ProductDetailPage = lazy(() =>
  import('./features/price-lists/ProductDetailPage.js').then((m) => ({ default: m.ProductDetailPage })),
);
export const RegulatedComponentsPage = lazy(() =>
  import('./features/price-lists/RegulatedComponentsPage.js').then((m) => ({ default: m.RegulatedComponentsPage })),
);
export const CommissionsPage = lazy(() =>
  import('./features/commissions/CommissionsPage.js').then((m) => ({ default: m.CommissionsPage })),
);
export const CommissionStatementsPage = lazy(() =>
  import('./features/commissions/StatementsPage.js').then((m) => ({ default: m.StatementsPage })),
);
export const CommissionRulesPage = lazy(() =>
  import('./features/commissions/RulesPage.js').then((m) => ({ default: m.RulesPage })),
);
