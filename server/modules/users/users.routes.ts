import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Version } from '../../../domain/schemas/common.js';
import { contextOf } from '../../http/auth-plugin.js';
import { roleKeys, scopes } from '../auth/permissions.js';
import { createUser, listRoles, listUsers, updateRoleScope, updateUser } from './users.service.js';

const UserResponse = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  isActive: z.boolean(),
  roleKeys: z.array(z.enum(roleKeys)),
  teamIds: z.array(z.uuid()),
  version: z.number().int(),
});

const userFields = {
  ownerId: z.uuid(),
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(10, 'at least 10 characters').max(200),
  locale: z.enum(['en', 'sk', 'cs', 'de', 'pl', 'ru']),
  isActive: z.boolean(),
  roleKeys: z.array(z.enum(roleKeys)).max(roleKeys.length),
  teamIds: z.array(z.uuid()).max(50),
};

const RoleResponse = z.object({
  key: z.enum(roleKeys),
  scope: z.enum(scopes),
  permissions: z.array(z.string()),
  version: z.number().int(),
});

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['administration'];
  app.get(
    '/users',
    { schema: { tags, summary: 'Users of your owner company', response: { 200: z.object({ items: z.array(UserResponse) }) } } },
    async (request) => ({ items: await listUsers(contextOf(request)) }),
  );
  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user (administrator)',
        body: z.strictObject({ ...userFields, ownerId: userFields.ownerId.optional(), locale: userFields.locale.default('en'), isActive: userFields.isActive.optional(), roleKeys: userFields.roleKeys.default([]), teamIds: userFields.teamIds.default([]) }),
        response: { 201: UserResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(contextOf(request), request.body)),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user, their roles and teams (administrator)',
        params: z.object({ id: z.uuid() }),
        body: z.strictObject(userFields).partial().extend({ version: Version }),
        response: { 200: UserResponse },
      },
    },
    async (request) => updateUser(contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/roles',
    { schema: { tags, summary: 'Roles with their record scope and permissions', response: { 200: z.object({ items: z.array(RoleResponse) }) } } },
    async (request) => ({ items: await listRoles(contextOf(request)) }),
  );
  app.patch(
    '/roles/:key',
    {
      schema: {
        tags,
        summary: "Set a role's record scope: own, team, owner company or all (administrator)",
        params: z.object({ key: z.enum(roleKeys) }),
        body: z.strictObject({ scope: z.enum(scopes), version: Version }),
        response: { 200: RoleResponse },
      },
    },
    async (request) => updateRoleScope(contextOf(request), request.params.key, request.body.scope, request.body.version),
  );
};
