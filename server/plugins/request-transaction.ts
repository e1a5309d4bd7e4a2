/**
 * Every write made by a signed-in person runs in one transaction that knows who they are: the audit triggers
 * read the actor from it, and a request's changes land together or not at all. Replies sent inside the handler
 * are held until the transaction has committed, so nobody reads a write that might still roll back.
 */
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '../db/client.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NOTHING = Symbol('nothing sent');

export function inRequestTransaction(route: RouteOptions, db: Db): void {
  const methods = [route.method].flat();
  if (!methods.some((m) => WRITES.has(m))) return;
  const handler = route.handler;
  route.handler = async function (this: unknown, request: FastifyRequest, reply: FastifyReply) {
    const actor = request.ctx.actor;
    if (!actor) return handler.call(this as never, request, reply);
    const send = reply.send.bind(reply);
    let held: unknown = NOTHING;
    reply.send = ((payload?: unknown) => {
      held = payload;
      return reply;
    }) as FastifyReply['send'];
    // a reply is thenable (it resolves once sent): a handler returning it would make every await on the
    // handler wait for a send held until the commit — hide `then` while the transaction runs
    (reply as unknown as { then: unknown }).then = undefined;
    let result: unknown;
    try {
      result = await db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('jalon.actor_id', ${actor.id}, true), set_config('jalon.actor_label', ${actor.email}, true)`,
        );
        request.ctx = { ...request.ctx, db: tx as unknown as Db };
        const value: unknown = await handler.call(this as never, request, reply);
        return value === reply ? NOTHING : value;
      });
    } finally {
      delete (reply as unknown as { then?: unknown }).then;
      reply.send = send;
      request.ctx = { ...request.ctx, db };
    }
    if (held !== NOTHING) return send(held);
    return result === NOTHING ? reply : result;
  };
}
