import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import { VersionBody } from '../clients/clients.api.js';
import { ContactCreateBody, ContactListQuery, ContactResponse, ContactUpdateBody } from './contacts.api.js';
import { archiveContact, contactHistory, createContact, getContact, listContactsOfClient, updateContact } from './contacts.service.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['contacts'];

export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/clients/:id/contacts',
    {
      schema: {
        tags,
        summary: "The client's contact persons",
        params: IdParams,
        querystring: ContactListQuery,
        response: { 200: z.object({ items: z.array(ContactResponse) }) },
      },
    },
    async (request) => ({ items: await listContactsOfClient(contextOf(request), request.params.id, request.query.archived) }),
  );

  app.post(
    '/clients/:id/contacts',
    { schema: { tags, summary: 'Add a contact person', params: IdParams, body: ContactCreateBody, response: { 201: ContactResponse } } },
    async (request, reply) => reply.code(201).send(await createContact(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/contacts/:id',
    { schema: { tags, summary: 'One contact person', params: IdParams, response: { 200: ContactResponse } } },
    async (request) => getContact(contextOf(request), request.params.id),
  );

  app.patch(
    '/contacts/:id',
    { schema: { tags, summary: 'Change a contact person', params: IdParams, body: ContactUpdateBody, response: { 200: ContactResponse } } },
    async (request) => updateContact(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/contacts/:id/archive',
    { schema: { tags, summary: 'Archive a contact person', params: IdParams, body: VersionBody, response: { 200: ContactResponse } } },
    async (request) => archiveContact(contextOf(request), request.params.id, request.body.version),
  );

  app.get(
    '/contacts/:id/history',
    { schema: { tags, summary: "The contact's changes, newest first", params: IdParams, response: { 200: HistoryPage } } },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await contactHistory(ctx, request.params.id));
    },
  );
};
