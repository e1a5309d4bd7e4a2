/** A signed-in person's notifications and how they receive them. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notificationList,
  notificationListQuery,
  notificationPreferences,
  notificationPreferencesUpdate,
  notificationsRead,
} from '../../../core/contracts/notifications.js';
import { errorResponses } from '../../plugins/openapi.js';
import {
  getPreferences,
  listNotifications,
  readNotifications,
  updatePreferences,
} from './notifications.service.js';

const tags = ['notifications'];

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Your notifications, newest first, with how many are unread',
        querystring: notificationListQuery,
        response: { 200: notificationList, ...errorResponses },
      },
    },
    async (request) => listNotifications(request.ctx, request.ctx.actor!, request.query.unread === 'true'),
  );

  app.post(
    '/notifications/read',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Mark notifications read (these ids, or all)',
        body: notificationsRead,
        response: { 200: z.object({ unread: z.number().int() }), ...errorResponses },
      },
    },
    async (request) =>
      readNotifications(
        request.ctx,
        request.ctx.actor!,
        request.body.ids === 'all' ? undefined : request.body.ids,
      ),
  );

  app.get(
    '/notification-preferences',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary:
          'How you receive each kind of notification (immediately, in a daily digest, or not), and in which language',
        response: { 200: notificationPreferences, ...errorResponses },
      },
    },
    async (request) => getPreferences(request.ctx, request.ctx.actor!),
  );

  app.put(
    '/notification-preferences',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Choose how you receive each kind of notification, and the language of the e-mails',
        body: notificationPreferencesUpdate,
        response: { 200: notificationPreferences, ...errorResponses },
      },
    },
    async (request) => updatePreferences(request.ctx, request.ctx.actor!, request.body),
  );
};
