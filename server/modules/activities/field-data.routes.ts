import type { FastifyPluginAsync } from 'fastify';
import { dashboardsRoutes } from '../dashboards/dashboards.routes.js';
import { geographyRoutes } from '../geography/geography.routes.js';
import { activitiesRoutes } from './activities.routes.js';
import { importsRoutes } from './imports.routes.js';
import { indicatorDataRoutes } from './indicator-data.routes.js';
import { quarterlyRoutes } from './quarterly.routes.js';

/** Field data (issue 4): geography, activities, indicator data, dashboards, imports — registered as one. */
export const fieldDataRoutes: FastifyPluginAsync = async (app) => {
  await app.register(geographyRoutes);
  await app.register(activitiesRoutes);
  await app.register(indicatorDataRoutes);
  await app.register(dashboardsRoutes);
  await app.register(importsRoutes);
  await app.register(quarterlyRoutes);
};
