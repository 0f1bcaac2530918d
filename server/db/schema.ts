// Every table, for Drizzle's typed queries and drizzle-kit. Modules import only their own tables.
export * from '../modules/owners/owners.schema.js';
export * from '../modules/teams/teams.schema.js';
export * from '../modules/users/users.schema.js';
export * from '../modules/auth/auth.schema.js';
export * from '../modules/audit/audit.schema.js';
export * from '../modules/code-lists/code-lists.schema.js';
export * from '../modules/clients/clients.schema.js';
export * from '../modules/contacts/contacts.schema.js';
export * from '../jobs/jobs.schema.js';
export * from '../modules/code-lists/energy-reference.schema.js';
export * from '../modules/supply-points/supply-points.schema.js';
export * from '../modules/meters/meters.schema.js';
export * from '../modules/imports/imports.schema.js';
