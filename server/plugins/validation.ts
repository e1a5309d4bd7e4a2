/**
 * The request validator: fastify-type-provider-zod's, and on a refusal the same parse again with
 * `reportInput`, so that each issue knows whether a value was missing ("valeur obligatoire") or of the wrong
 * type ("un nombre est attendu"). The input stays in the issue's params; the error handler answers only the
 * sentence (plugins/error-handler.ts). Only refused requests pay the second parse.
 */
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidator } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';

export const validatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const validate = zodValidator(route);
  return (data) => {
    const result = validate(data) as { error?: unknown; value?: unknown };
    if (!Array.isArray(result.error)) return result as ReturnType<typeof validate>;
    const issues = route.schema.safeParse(data, { reportInput: true }).error?.issues ?? [];
    (result.error as { params?: Record<string, unknown> }[]).forEach((entry, index) => {
      const issue = issues[index];
      if (issue && 'input' in issue) entry.params = { ...entry.params, input: issue.input };
    });
    return result as ReturnType<typeof validate>;
  };
};
