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
export const ApiTokensPage = lazy(() =>
  import('./features/tokens/ApiTokensPage.js').then((m) => ({ default: m.ApiTokensPage })),
);
