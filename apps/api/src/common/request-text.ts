import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Server } from 'node:http';
import { InvalidRequest } from './errors/domain-error';
import { toApiError } from './filters/api-exception.filter';
import { BROKEN_TEXT } from './validation';

/**
 * Deeper than any request the product makes (an exercise library import nests seven levels),
 * and far short of what overflows the validator's recursion (a few thousand).
 */
export const MAX_JSON_DEPTH = 32;

const TOO_DEEP = `The request body is nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and lists.`;
const NOT_UTF8 = 'The request body is not valid UTF-8 text.';

/** Whether JSON text nests objects and lists deeper than `limit`, read in one pass without parsing it. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1; // a backslash escapes the next character, a quote included
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x7d || code === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}

// Fatal: bytes that are not UTF-8 would otherwise become U+FFFD, changing what was written.
// The byte order mark stays, as Fastify's own parser leaves it, for the JSON parser to judge.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A percent-encoded part of an address, decoded; undefined where its bytes are not UTF-8. A stray `%` reads as itself, as Fastify reads it. */
function decoded(component: string): string | undefined {
  try {
    return decodeURIComponent(component.replace(/%(?![0-9a-f]{2})/gi, '%25'));
  } catch {
    return undefined;
  }
}

/**
 * Fastify's query parser keeps a value whose percent-encoding is not UTF-8 (such as half a
 * surrogate pair) as its raw `%ED%A0%80`, so the text received is not the text sent: refused, named.
 */
function brokenQueryParameter(url: string): string | undefined {
  const start = url.indexOf('?');
  if (start === -1) return undefined;
  for (const pair of url.slice(start + 1).split('&')) {
    const separator = pair.indexOf('=');
    const name = decoded(separator === -1 ? pair : pair.slice(0, separator));
    if (name === undefined) return `a query parameter name ${BROKEN_TEXT}`;
    if (separator !== -1 && decoded(pair.slice(separator + 1)) === undefined) return `${name} ${BROKEN_TEXT}`;
  }
  return undefined;
}

/**
 * Request text is read exactly as sent or refused with a 400 before anything walks it: a JSON body
 * must be UTF-8 and nest at most MAX_JSON_DEPTH levels (the validator recurses, so thousands of levels
 * would overflow its stack, even on routes that need no sign-in), and a query must decode to UTF-8.
 */
export function readRequestTextStrictly(app: NestFastifyApplication): void {
  const instance = app.getHttpAdapter().getInstance();
  // Nest's own JSON parser, which this one replaces, refuses both kinds of prototype poisoning.
  const { onProtoPoisoning, onConstructorPoisoning } = instance.initialConfig;
  const parseJson = instance.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  app.useBodyParser<Server>('application/json', {}, (request, body, done) => {
    let text: string;
    try {
      text = UTF8.decode(body);
    } catch {
      done(new InvalidRequest([NOT_UTF8]), undefined);
      return;
    }
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) done(new InvalidRequest([TOO_DEEP]), undefined);
    else parseJson(request, text, done);
  });
  instance.addHook('onRequest', (request, _reply, done) => {
    const broken = brokenQueryParameter(request.url);
    done(broken ? new InvalidRequest([broken]) : undefined);
  });
}

/**
 * Fastify answers an address it cannot decode (its path not UTF-8, say) before any route or hook
 * runs; this gives that answer the one error shape and names the part of the path at fault.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0];
  const part = error.code === 'FST_ERR_BAD_URL' ? path.split('/').find((segment) => decoded(segment) === undefined) : undefined;
  const answer = part === undefined ? toApiError(error) : toApiError(new InvalidRequest([`the address part ${part.slice(0, 100)} ${BROKEN_TEXT}`]));
  reply.status(answer.statusCode).send(answer);
}
