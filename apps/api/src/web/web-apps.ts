import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { toApiError } from '../common/filters/api-exception.filter';

interface WebApp {
  prefix: string;
  root: string;
}

/**
 * Serves the built dashboard at `/` and the portal at `/p/` from the API's own origin,
 * with each app's index.html for its client-side routes. Skipped when not built.
 */
export async function serveWebApps(app: NestFastifyApplication, rootDir: string): Promise<void> {
  const webApps: WebApp[] = [
    { prefix: '/p/', root: path.join(rootDir, 'apps/portal/dist') },
    { prefix: '/', root: path.join(rootDir, 'apps/dashboard/dist') },
  ].filter((webApp) => fs.existsSync(path.join(webApp.root, 'index.html')));
  if (webApps.length === 0) return;

  const fastify = app.getHttpAdapter().getInstance();
  for (const [index, webApp] of webApps.entries()) {
    await fastify.register(fastifyStatic, {
      root: webApp.root,
      prefix: webApp.prefix,
      wildcard: false,
      index: false,
      decorateReply: index === 0,
      // The builds write .br and .gz copies beside their larger files (tools/precompress-assets):
      // a phone on a slow network gets a fraction of the bytes, with Vary: Accept-Encoding.
      // reply.sendFile (each index.html) goes through the first registration's options, so every one sets it.
      preCompressed: true,
      // Hashed asset names never change, so they may be cached for a long time; other
      // files (icons, manifest) keep their names across deploys, so they revalidate.
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  const sendIndex = (webApp: WebApp) => (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('Cache-Control', 'no-cache').sendFile('index.html', webApp.root, { cacheControl: false });
  for (const webApp of webApps) {
    fastify.get(webApp.prefix === '/' ? '/' : webApp.prefix, sendIndex(webApp));
  }
  fastify.get('/*', (request, reply) => {
    const url = request.url.split('?')[0];
    if (url === '/api' || url.startsWith('/api/')) {
      const notFound = toApiError({ statusCode: 404, message: `No API route ${request.method} ${url}.` });
      return reply.status(404).send(notFound);
    }
    // A missing file (an old hashed asset after a deploy) must fail as a file, not load
    // index.html as JavaScript; client-side routes never end in an extension.
    const isFile = path.posix.extname(url) !== '';
    const webApp = isFile ? undefined : webApps.find((candidate) => url.startsWith(candidate.prefix) || `${url}/` === candidate.prefix);
    return webApp ? sendIndex(webApp)(request, reply) : reply.status(404).send(toApiError({ statusCode: 404, message: 'Not found.' }));
  });
}
