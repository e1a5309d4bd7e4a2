import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaLevels, areaRef } from '../../../core/contracts/activities.js';
import { errorResponses } from '../../plugins/openapi.js';
import { areaRefOf, listAreas, placeIndex, resolvePlace, shapesOf } from './geography.service.js';

const tags = ['field data'];
const area = areaRef.extend({ parentCode: z.string().nullable() });

export const geographyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/geography/areas',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Mali's regions, cercles and communes: by level, inside a parent, or matching a name (accents optional)",
        querystring: z
          .object({
            level: z.enum(areaLevels).optional(),
            parent: z.string().min(2).max(80).optional(),
            q: z.string().trim().min(1).max(100).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            lang: z.enum(['fr', 'en']).optional(),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(area) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listAreas(request.ctx, request.query)).map((a) => ({
        ...areaRefOf(a),
        parentCode: a.parentCode,
      })),
    }),
  );

  app.get(
    '/geography/resolve',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The area a place name stands for ("Djénné", "Nioro du Sahel", "cercle de Bla"), with the candidates',
        querystring: z
          .object({
            name: z.string().trim().min(1).max(120),
            level: z.enum(areaLevels).optional(),
            lang: z.enum(['fr', 'en']).optional(),
          })
          .strict(),
        response: {
          200: z.object({
            match: area.extend({ cercle: areaRef.nullable(), region: areaRef.nullable() }).nullable(),
            how: z.enum(['exact', 'fuzzy', 'none', 'ambiguous']),
            candidates: z.array(area),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const index = await placeIndex(request.ctx.db);
      const r = await resolvePlace(request.ctx, request.query.name, request.query.level);
      const ref = (code: string | null) => {
        const a = code ? index.byCode.get(code) : undefined;
        return a ? areaRefOf(a) : null;
      };
      return {
        match: r.match
          ? {
              ...areaRefOf(r.match),
              parentCode: r.match.parentCode,
              cercle: ref(r.match.cercleCode),
              region: ref(r.match.regionCode),
            }
          : null,
        how: r.how,
        candidates: r.candidates.map((c) => ({ ...areaRefOf(c), parentCode: c.parentCode })),
      };
    },
  );

  app.get(
    '/geography/shapes',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Shapes of a level as TopoJSON (geoBoundaries gbOpen MLI, CC BY 4.0; DNCT, DNP, OCHA Mali), each with its area code',
        querystring: z.object({ level: z.enum(areaLevels), lang: z.enum(['fr', 'en']).optional() }).strict(),
      },
    },
    async (request, reply) =>
      reply
        .type('application/json')
        .header('cache-control', 'public, max-age=86400')
        .send(await shapesOf(request.query.level)),
  );
};
