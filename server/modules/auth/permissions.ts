import { AppError } from '../../http/errors.js';

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
/** How far a role sees records: those it is responsible for, its teams', its owner company's, or all. */
export type Scope = (typeof scopes)[number];

export const permissions = [
  'clients.read',
  'clients.write',
  'clients.archive',
  'clients.export',
  'admin.users',
  'admin.roles',
  'admin.owners',
  'admin.codeLists',
  /** Leads, business cases, activities, calendar events and work queues (SALES-1 to SALES-8). */
  'sales.read',
  'sales.write',
  'sales.export',
  /** Process templates, their stages, gates and tasks, and work-queue rules. */
  'admin.processes',
  /** The contract register (CONTRACT-1 to CONTRACT-4): contracts, their signing and export. */
  'contracts.read',
  'contracts.write',
  'contracts.export',
  /** Offers (OFFER-5): approve or reject offers the approval policy routes to the manager, or to the board (under the minimum margin). */
  'offers.approveManager',
  'offers.approveBoard',
  /** Document templates (offer, contract, letter …) of the owner company: edit them and preview them (DOC-2). */
  'documents.templates',
  /** Products, price lists, regulated price components and VAT rates (OFFER-1); reading them needs no permission. */
  'admin.pricing',
  /** Partners' data sentence layouts (CONTRACT-4): define and change them; exporting needs `contracts.export`. */
  'admin.dataSentences',
  /** Commissions (COMM-5): read your own commissions and statements. */
  'commissions.read',
  /** Read and export every commission and statement of your owner company, the company's commissions included. */
  'commissions.readAll',
  /** Approve (and so lock) a person's commission statement for a month. */
  'commissions.approve',
  /** Commission rules (COMM-1): define and close them, and retry contracts no rule covered. */
  'admin.commissions',
] as const;
export type Permission = (typeof permissions)[number];

const clientWork: Permission[] = ['clients.read', 'clients.write', 'clients.export'];
const salesWork: Permission[] = ['sales.read', 'sales.write', 'sales.export'];
const contractWork: Permission[] = ['contracts.read', 'contracts.write', 'contracts.export'];

/** The one role → permission table. Security-critical: a change here changes what every role may do. */
export const permissionsByRole: Record<RoleKey, readonly Permission[]> = {
  administrator: permissions,
  manager: [...clientWork, 'clients.archive', ...salesWork, ...contractWork, 'documents.templates', 'admin.pricing', 'admin.dataSentences', 'offers.approveManager', 'commissions.read'],
  sales: [...clientWork, ...salesWork, ...contractWork, 'commissions.read'],
  backoffice: [...clientWork, 'clients.archive', 'sales.read', ...contractWork],
  contactcentre: ['clients.read', 'clients.write', 'sales.read', 'sales.write', 'contracts.read'],
  finance: ['clients.read', 'clients.export', 'sales.read', 'contracts.read', 'contracts.export', 'commissions.read', 'commissions.readAll', 'commissions.approve'],
  legal: ['clients.read', ...contractWork, 'documents.templates'],
};

/** Scopes each role starts with; the administrator changes them in the roles screen. */
export const defaultScopeByRole: Record<RoleKey, Scope> = {
  administrator: 'all',
  manager: 'owner',
  sales: 'team',
  backoffice: 'owner',
  contactcentre: 'owner',
  finance: 'owner',
  legal: 'owner',
};

const scopeRank: Record<Scope, number> = { own: 0, team: 1, owner: 2, all: 3 };

/** A user with several roles sees as far as the broadest of them. */
export const broadestScope = (list: readonly Scope[]): Scope =>
  list.reduce<Scope>((widest, s) => (scopeRank[s] > scopeRank[widest] ? s : widest), 'own');

export type Actor =
  | {
      kind: 'user';
      userId: string;
      ownerId: string;
      teamIds: string[];
      roleKeys: RoleKey[];
      scope: Scope;
      permissions: ReadonlySet<Permission>;
    }
  | { kind: 'system'; name: string };

/** The acting user from what the database says about them: permissions follow the role keys, the scope the broadest role. */
export const userActor = (user: {
  userId: string;
  ownerId: string;
  teamIds: string[];
  roleKeys: RoleKey[];
  roleScopes: Scope[];
}): Actor & { kind: 'user' } => ({
  kind: 'user',
  userId: user.userId,
  ownerId: user.ownerId,
  teamIds: user.teamIds,
  roleKeys: user.roleKeys,
  scope: broadestScope(user.roleScopes),
  permissions: new Set(user.roleKeys.flatMap((k) => permissionsByRole[k] ?? [])),
});

export const can = (actor: Actor, permission: Permission): boolean =>
  actor.kind === 'system' || actor.permissions.has(permission);

export const assertCan = (actor: Actor, permission: Permission): void => {
  if (!can(actor, permission)) throw new AppError('auth.forbidden', `Your role may not do this (${permission})`);
};

export const actorUserId = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);
