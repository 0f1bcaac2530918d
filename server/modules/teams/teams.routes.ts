import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Version } from '../../../domain/schemas/common.js';
import { contextOf } from '../../http/auth-plugin.js';
import { createTeam, listTeams, updateTeam } from './teams.service.js';

const TeamResponse = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  name: z.string(),
  isActive: z.boolean(),
  memberIds: z.array(z.uuid()),
  version: z.number().int(),
});

export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['administration'];
  app.get(
    '/teams',
    { schema: { tags, summary: 'Teams of your owner company', response: { 200: z.object({ items: z.array(TeamResponse) }) } } },
    async (request) => ({ items: await listTeams(contextOf(request)) }),
  );
  app.post(
    '/teams',
    {
      schema: {
        tags,
        summary: 'Create a team (administrator)',
        body: z.strictObject({ ownerId: z.uuid(), name: z.string().trim().min(1).max(120), memberIds: z.array(z.uuid()).max(500).optional() }),
        response: { 201: TeamResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await createTeam(contextOf(request), request.body)),
  );
  app.patch(
    '/teams/:id',
    {
      schema: {
        tags,
        summary: 'Rename a team, change its members, deactivate it (administrator)',
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({
          name: z.string().trim().min(1).max(120).optional(),
          isActive: z.boolean().optional(),
          memberIds: z.array(z.uuid()).max(500).optional(),
          version: Version,
        }),
        response: { 200: TeamResponse },
      },
    },
    async (request) => updateTeam(contextOf(request), request.params.id, request.body),
  );
};
