// A stand-in for AniList on loopback, for the end-to-end tests (and for
// trying the app by hand without AniList: `node tests/e2e/stand-in/server.mjs`).
//
// - GET  /api/v2/oauth/authorize  the implicit grant: redirects back to the
//   client's redirect URL with #access_token=<RS256 JWT shaped like
//   AniList's>&token_type=Bearer&expires_in=31536000 (and state, echoed);
//   with response_type=code, ?code=<single-use, 10 minutes>&state=….
// - POST /api/v2/oauth/token      the code grant's exchange, as AniList's:
//   checks client id and secret (`secrets`), redirect URI, and that the
//   code is this client's, unused and fresh.
// - POST /                        GraphQL: checks the Bearer token (400
//   "Invalid token" for a bad one), validates every query against the real
//   schema (../shared/anilist/schema.graphql) with graphql-js, answers from
//   fixture data, sends X-RateLimit-* headers and CORS headers.
// - Fault switches (one-shot queues) for the error paths: see `fault()` and
//   `authorizeNext()`.
//
// Never bind anything but loopback.

import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema, parse, validate, execute, GraphQLError, valueFromAST, getOperationAST, Kind,
} from 'graphql';
import { freshFixtures, heavyList, VIEWER_ID } from './fixtures.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** AniList refuses a request whose complexity passes this. */
export const MAX_COMPLEXITY = 500;

/**
 * A request's complexity, as AniList counts it: each field 1 and what it
 * selects; `UpdateMediaListEntries` counts its selection once per entry
 * it changes (AniList: "Max query complexity should be 500 but got 646"
 * from a bulk update of 38 entries).
 */
export function complexity(document, operationName, variables = {}) {
  const fragments = Object.fromEntries(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const op = getOperationAST(document, operationName ?? undefined);
  const valueOf = (v) => (v.kind === Kind.VARIABLE ? variables[v.name.value] : v.kind === Kind.LIST ? v.values.map(valueOf) : v.value);
  const of = (set) => (set?.selections ?? []).reduce((sum, s) => {
    if (s.kind === Kind.INLINE_FRAGMENT) return sum + of(s.selectionSet);
    if (s.kind === Kind.FRAGMENT_SPREAD) return sum + of(fragments[s.name.value]?.selectionSet);
    const ids = s.name.value === 'UpdateMediaListEntries' ? s.arguments.find((a) => a.name.value === 'ids') : null;
    const times = ids ? Math.max(1, (valueOf(ids.value) ?? []).length) : 1;
    return sum + 1 + of(s.selectionSet) * times;
  }, 0);
  return op ? of(op.selectionSet) : 0;
}

export const TOKEN_LIFETIME = 31536000;
export const DEFAULT_CLIENT_ID = '1000';

/** Where the AniList schema is looked for, in order. */
export function schemaCandidates() {
  const list = [];
  if (process.env.ANILIST_SCHEMA) list.push(path.resolve(process.env.ANILIST_SCHEMA));
  list.push(path.resolve(HERE, '../../../../shared/anilist/schema.graphql'));
  // Written by `make schema` (introspection of the real AniList).
  list.push(path.resolve(HERE, '../../../target/anilist-schema.graphql'));
  return list;
}

/** The first schema file that exists, or null. */
export function findSchema() {
  return schemaCandidates().find((file) => fs.existsSync(file)) ?? null;
}

export function loadSchema() {
  const tried = schemaCandidates();
  for (const file of tried) {
    if (fs.existsSync(file)) return { schema: buildSchema(fs.readFileSync(file, 'utf8')), file };
  }
  throw new Error(`AniList schema not found; looked at: ${tried.join(', ')} (set ANILIST_SCHEMA to its path, or run 'make schema')`);
}

const b64url = (data) => Buffer.from(data).toString('base64url');

class ApiError extends GraphQLError {
  constructor(message, status, extra = {}) {
    super(message, { extensions: { status, ...extra } });
  }
}

const GROUP_NAMES = {
  ANIME: { CURRENT: 'Watching', REPEATING: 'Rewatching', COMPLETED: 'Completed', PAUSED: 'Paused', DROPPED: 'Dropped', PLANNING: 'Planning' },
  MANGA: { CURRENT: 'Reading', REPEATING: 'Rereading', COMPLETED: 'Completed', PAUSED: 'Paused', DROPPED: 'Dropped', PLANNING: 'Planning' },
};

export class StandIn {
  constructor({ clients = {}, secrets = {}, rateLimit = 90, exposeHeaders = true } = {}) {
    const { schema, file } = loadSchema();
    this.schema = schema;
    this.schemaFile = file;
    // client id -> redirect URL
    this.clients = new Map(Object.entries({ ...clients }));
    // client id -> client secret (the code grant)
    this.secrets = new Map(Object.entries({ ...secrets }));
    this.rateLimit = rateLimit;
    this.exposeHeaders = exposeHeaders;
    // `maxPerPage` (set by reset()): the most items a Page gives (AniList's
    // is 50); a test lowers it to see the app read a list across pages.
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.reset();
  }

  /** Adds a heavy user's anime list of `n` entries (fixtures.mjs, heavyList). */
  useHeavyList(n) {
    const { media, entries } = heavyList(n);
    this.data.media.push(...media);
    this.data.entries.push(...entries);
  }

  /** Fresh data, no faults, empty logs, a full rate-limit window. */
  reset() {
    this.data = freshFixtures();
    this.maxPerPage = 50;
    this.faults = [];
    /** Requests that followed a redirect to /elsewhere. */
    this.elsewhere = [];
    this.authorizeQueue = [];
    this.requests = [];
    this.authorizeRequests = [];
    this.hits = [];
    this.revoked = new Set();
    // code -> { clientId, redirect, at, used }
    this.codes = new Map();
    this.tokenRequests = [];
    // When set, Viewer answers for this user whatever the token says.
    this.answerViewerAs = null;
  }

  registerClient(clientId, redirectUrl) {
    this.clients.set(String(clientId), redirectUrl);
  }

  /**
   * Queue a fault for the next GraphQL request(s):
   * { kind: '429'|'500'|'502'|'503'|'403'|'not-json'|'drop'|'drop-after'|'slow'|'slow-after'|'redirect'|'invalid-token'|'graphql-error',
   *   times = 1, delayMs, retryAfter, cors = true, body, status,
   *   operation: only a request with this operationName takes it }
   */
  fault(spec) {
    this.faults.push({ times: 1, cors: true, ...spec });
  }

  /**
   * Queue how the next authorize request is answered:
   * { deny: true, description } | { echoState: false } | { state: 'other' }
   * | { claims: {...overrides} } | { code: true }
   */
  authorizeNext(spec) {
    this.authorizeQueue.push(spec);
  }

  issueToken({ clientId = DEFAULT_CLIENT_ID, sub = VIEWER_ID, iat, claims = {} } = {}) {
    const now = Math.floor(Date.now() / 1000);
    const issued = iat ?? now;
    const jti = crypto.randomBytes(40).toString('hex');
    const header = { typ: 'JWT', alg: 'RS256', jti };
    const payload = {
      aud: String(clientId), jti, iat: issued, nbf: issued, exp: issued + TOKEN_LIFETIME,
      sub: String(sub), scopes: [], ...claims,
    };
    const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const signature = crypto.sign('sha256', Buffer.from(signingInput), this.privateKey);
    return `${signingInput}.${b64url(signature)}`;
  }

  revoke(token) {
    this.revoked.add(token);
  }

  /** The payload of a token this server signed and that is still good, else null. */
  verifyToken(token) {
    const parts = token.split('.');
    if (parts.length !== 3 || this.revoked.has(token)) return null;
    try {
      const ok = crypto.verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), this.publicKey, Buffer.from(parts[2], 'base64url'));
      if (!ok) return null;
      const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
      const now = Date.now() / 1000;
      if (Number(payload.exp) < now || Number(payload.nbf) > now + 60) return null;
      return payload;
    } catch {
      return null;
    }
  }

  graphqlRequests() {
    return this.requests.filter((r) => r.method === 'POST');
  }

  async listen(port = 0, host = '127.0.0.1') {
    this.server = http.createServer((req, res) => {
      // One connection a request: a 'drop' fault then fails the request
      // the app sent. (Chromium sends a POST again, by itself, when a
      // kept-alive connection it reused closes before any answer: the
      // drop would go unseen.)
      res.shouldKeepAlive = false;
      this.handle(req, res).catch((err) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
        }
        res.end(`stand-in failure: ${err.stack}`);
      });
    });
    this.sockets = new Set();
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise((resolve) => this.server.listen(port, host, resolve));
    const addr = this.server.address();
    this.origin = `http://${host}:${addr.port}`;
    this.graphqlUrl = `${this.origin}/`;
    this.authorizeUrl = `${this.origin}/api/v2/oauth/authorize`;
    return this;
  }

  async close() {
    if (!this.server) return;
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
    this.server = null;
  }

  async handle(req, res) {
    const url = new URL(req.url, this.origin);
    if (url.pathname === '/api/v2/oauth/authorize' && req.method === 'GET') return this.authorize(url, res);
    if (url.pathname === '/api/v2/oauth/token' && req.method === 'POST') return this.token(req, res);
    if (url.pathname.startsWith('/img/')) return this.image(url, res);
    // Where the 'redirect' fault points: anything that arrives is logged.
    if (url.pathname === '/elsewhere') {
      if (req.method === 'OPTIONS') return this.preflight(req, res);
      this.elsewhere.push({ method: req.method, authorization: req.headers.authorization ?? null });
      res.writeHead(200, { ...this.corsHeaders(req, true), 'Content-Type': 'application/json' });
      return res.end('{"data":null}');
    }
    if (url.pathname === '/') {
      if (req.method === 'OPTIONS') return this.preflight(req, res);
      if (req.method === 'POST') return this.graphql(req, res);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><title>Stand-in AniList</title><p>POST GraphQL queries here.</p>');
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  }

  // ---- OAuth ---------------------------------------------------------

  authorize(url, res) {
    const q = url.searchParams;
    const clientId = q.get('client_id') ?? '';
    const responseType = q.get('response_type') ?? '';
    const state = q.get('state');
    this.authorizeRequests.push({ at: Date.now(), clientId, responseType, state, query: url.search });
    const redirect = this.clients.get(clientId);
    if (!redirect) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ error: 'invalid_client', message: 'Client authentication failed', hint: null }));
    }
    if (responseType !== 'token' && responseType !== 'code') {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ error: 'unsupported_grant_type', message: 'The authorization grant type is not supported by the authorization server.' }));
    }
    const spec = this.authorizeQueue.shift() ?? {};
    const echoed = spec.state !== undefined ? spec.state : (spec.echoState === false ? null : state);
    if (responseType === 'code' || spec.code) {
      const code = crypto.randomBytes(16).toString('hex');
      this.codes.set(code, { clientId, redirect: redirect.split('#')[0], at: Date.now(), used: false, claims: spec.claims ?? {} });
      const params = new URLSearchParams({ code });
      if (echoed) params.set('state', echoed);
      return this.redirect(res, `${redirect.split('#')[0]}?${params}`);
    }
    const params = new URLSearchParams();
    if (spec.deny) {
      params.set('error', spec.error ?? 'access_denied');
      params.set('error_description', spec.description ?? 'The resource owner or authorization server denied the request.');
    } else {
      const token = spec.token ?? this.issueToken({ clientId: spec.aud ?? clientId, claims: spec.claims ?? {} });
      params.set('access_token', token);
      params.set('token_type', 'Bearer');
      params.set('expires_in', String(TOKEN_LIFETIME));
    }
    if (echoed) params.set('state', echoed);
    return this.redirect(res, `${redirect.split('#')[0]}#${params}`);
  }

  /** AniList's token endpoint for the code grant (JSON in, JSON out). */
  async token(req, res) {
    const raw = await new Promise((resolve) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    let body = {};
    try { body = JSON.parse(raw); } catch { body = Object.fromEntries(new URLSearchParams(raw)); }
    const answer = (status, payload) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(payload));
    };
    const clientId = String(body.client_id ?? '');
    this.tokenRequests.push({ at: Date.now(), clientId, grantType: body.grant_type ?? null });
    if (!this.secrets.has(clientId) || this.secrets.get(clientId) !== body.client_secret) {
      return answer(401, { error: 'invalid_client', message: 'Client authentication failed' });
    }
    if (body.grant_type !== 'authorization_code') {
      return answer(400, { error: 'unsupported_grant_type', message: 'The authorization grant type is not supported by the authorization server.' });
    }
    const issued = this.codes.get(String(body.code ?? ''));
    const fresh = issued && !issued.used && Date.now() - issued.at < 10 * 60_000;
    if (!fresh || issued.clientId !== clientId || issued.redirect !== String(body.redirect_uri ?? '')) {
      return answer(400, { error: 'invalid_grant', message: 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.' });
    }
    issued.used = true;
    const token = this.issueToken({ clientId, claims: issued.claims });
    return answer(200, { token_type: 'Bearer', expires_in: TOKEN_LIFETIME, access_token: token, refresh_token: crypto.randomBytes(32).toString('hex') });
  }

  redirect(res, location) {
    res.writeHead(302, { Location: location, 'Cache-Control': 'no-store' });
    res.end();
  }

  image(url, res) {
    const label = (url.pathname.match(/(\d+)/) ?? ['', '?'])[1];
    const hue = (Number(label) * 47) % 360;
    res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'max-age=3600' });
    res.end(`<svg xmlns="http://www.w3.org/2000/svg" width="230" height="325" viewBox="0 0 230 325"><rect width="230" height="325" fill="hsl(${hue} 55% 45%)"/><text x="115" y="170" font-size="40" text-anchor="middle" fill="#fff" font-family="sans-serif">${label}</text></svg>`);
  }

  // ---- GraphQL -------------------------------------------------------

  corsHeaders(req, cors = true) {
    if (!cors) return {};
    const h = {
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      Vary: 'Origin',
    };
    if (this.exposeHeaders) {
      h['Access-Control-Expose-Headers'] = 'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After';
    }
    return h;
  }

  preflight(req, res) {
    this.requests.push({ at: Date.now(), method: 'OPTIONS', headers: req.headers });
    res.writeHead(204, {
      ...this.corsHeaders(req),
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
      'Access-Control-Max-Age': '600',
    });
    res.end();
  }

  /** A full rate-limit window again, as after a minute of quiet (the data kept). */
  refillRateLimit() {
    this.hits = [];
  }

  /** Counts a request in the one-minute window; returns [remaining, resetAt]. */
  countHit() {
    const now = Date.now();
    this.hits = this.hits.filter((t) => now - t < 60_000);
    this.hits.push(now);
    const resetAt = Math.ceil((this.hits[0] + 60_000) / 1000);
    return [this.rateLimit - this.hits.length, resetAt];
  }

  async graphql(req, res) {
    const raw = await new Promise((resolve, reject) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
    let body = null;
    try {
      body = JSON.parse(raw);
    } catch {
      // answered below
    }
    const auth = req.headers.authorization ?? null;
    const entry = {
      at: Date.now(), method: 'POST', headers: req.headers, authorization: auth,
      referer: req.headers.referer ?? null, body, operationName: body?.operationName ?? null,
    };
    this.requests.push(entry);

    const fault = this.takeFault(entry.operationName);
    // 'slow' waits before answering; any other fault given a delayMs too.
    const data = this.data;
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 5000));
    else if (fault?.delayMs && fault.kind !== 'slow-after') await new Promise((r) => setTimeout(r, fault.delayMs));
    // Reset meanwhile (the next test began): a request of the test before
    // never touches the next one's data.
    if (this.data !== data) {
      entry.answered = 'dropped: the stand-in was reset while it waited';
      return req.socket.destroy();
    }
    if (fault?.kind === 'drop') {
      entry.answered = 'dropped';
      return req.socket.destroy();
    }

    const [remaining, resetAt] = this.countHit();
    const headers = {
      ...this.corsHeaders(req, fault?.cors ?? true),
      'Content-Type': 'application/json',
      'X-RateLimit-Limit': String(this.rateLimit),
      'X-RateLimit-Remaining': String(Math.max(0, remaining)),
    };
    const send = (status, payload, extra = {}) => {
      entry.answered = status;
      res.writeHead(status, { ...headers, ...extra });
      res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
    };
    const apiError = (status, message, extra = {}) => send(status, { data: null, errors: [{ message, status, locations: [] , ...extra }] });

    if (fault?.kind === '429' || remaining < 0) {
      const retryAfter = fault?.retryAfter ?? 60;
      return send(429, { data: null, errors: [{ message: 'Too Many Requests.', status: 429 }] }, {
        'Retry-After': String(retryAfter), 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + Number(retryAfter || 60)),
        'X-RateLimit-Remaining': '0',
      });
    }
    if (fault?.kind === '403') return apiError(403, 'The AniList API has been temporarily disabled due to severe stability issues.');
    if (['500', '502', '503'].includes(fault?.kind)) {
      if (fault.kind === '500') return apiError(500, 'Internal Server Error');
      headers['Content-Type'] = 'text/html; charset=utf-8';
      return send(Number(fault.kind), `<html><body><h1>${fault.kind} Bad Gateway</h1></body></html>`);
    }
    if (fault?.kind === 'not-json') {
      headers['Content-Type'] = 'text/html; charset=utf-8';
      return send(fault.status ?? 200, '<!doctype html><html><body>Cloudflare is checking your browser…</body></html>');
    }
    if (fault?.kind === 'invalid-token') return apiError(400, 'Invalid token');
    // A redirect (which a client must not follow with the token).
    if (fault?.kind === 'redirect') return send(307, '', { Location: `${this.origin}/elsewhere` });
    if (fault?.kind === 'graphql-error') return send(fault.status ?? 200, fault.body);

    // Authentication, as AniList: a bad token is HTTP 400 "Invalid token".
    let viewerId = null;
    if (auth !== null) {
      const m = /^Bearer (\S+)$/.exec(auth);
      const claims = m ? this.verifyToken(m[1]) : null;
      if (!claims) return apiError(400, 'Invalid token');
      viewerId = this.answerViewerAs ?? Number(claims.sub);
    }

    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return apiError(400, 'Could not parse the request body as JSON.');
    }
    if (!String(req.headers['content-type'] ?? '').includes('application/json')) {
      return apiError(400, 'Content-Type must be application/json.');
    }
    if (typeof body.query !== 'string' || body.query.trim() === '') {
      return apiError(400, 'Must provide query string.');
    }
    let document;
    try {
      document = parse(body.query);
    } catch (e) {
      return send(400, { data: null, errors: [formatError(e, 400)] });
    }
    const problems = validate(this.schema, document);
    if (problems.length) {
      entry.validationErrors = problems.map((p) => p.message);
      return send(400, { data: null, errors: problems.map((p) => formatError(p, 400)) });
    }
    const op = getOperationAST(document, body.operationName ?? undefined);
    if (!op) return apiError(400, 'Unknown or ambiguous operation name.');
    const cost = complexity(document, body.operationName, body.variables ?? {});
    if (cost > MAX_COMPLEXITY) return apiError(400, `Max query complexity should be ${MAX_COMPLEXITY} but got ${cost}.`);
    if (op.operation === 'mutation' && viewerId === null) return apiError(401, 'Unauthorized.');

    const result = await execute({
      schema: this.schema,
      document,
      rootValue: this.root(),
      contextValue: { viewerId },
      variableValues: body.variables ?? undefined,
      operationName: body.operationName ?? undefined,
    });
    const errors = (result.errors ?? []).map((e) => formatError(e, e.originalError?.extensions?.status ?? e.extensions?.status ?? 400));
    const status = errors.length ? (errors.find((e) => e.status)?.status ?? 400) : 200;
    const payload = { data: result.data ?? null };
    if (errors.length) payload.errors = errors;
    // The change is made, but its answer breaks off half-way. (Headers go
    // first: a connection closed before any answer is one a browser may
    // quietly send again on a fresh socket, which would hide the case.)
    if (fault?.kind === 'drop-after') {
      entry.answered = 'dropped after applying';
      res.writeHead(status, headers);
      res.write(JSON.stringify(payload).slice(0, 20));
      return setTimeout(() => req.socket.destroy(), 50);
    }
    // The change is made, and its answer comes late (after the app's own
    // timeout, when delayMs is long enough).
    if (fault?.kind === 'slow-after') {
      await new Promise((r) => setTimeout(r, fault.delayMs ?? 25000));
      if (req.socket.destroyed) {
        entry.answered = 'abandoned by the client after applying';
        return;
      }
    }
    return send(status, payload);
  }

  /** The next fault for this request: the first queued one that names no
   * operation, or names this one. */
  takeFault(operationName) {
    const i = this.faults.findIndex((f) => !f.operation || f.operation === operationName);
    if (i < 0) return null;
    const f = this.faults[i];
    f.times -= 1;
    if (f.times <= 0) this.faults.splice(i, 1);
    return f;
  }

  // ---- resolvers -----------------------------------------------------

  root() {
    const d = this.data;
    const self = this;
    const byId = new Map(d.media.map((m) => [m.id, m]));
    const mediaById = (id) => byId.get(id) ?? d.media.find((m) => m.id === id);
    const viewerOf = (ctx) => {
      if (ctx.viewerId === null) throw new ApiError('Unauthorized.', 401);
      return ctx.viewerId;
    };
    const userObj = (id) => {
      const other = d.others?.find((o) => o.id === id);
      if (id !== d.viewer.id && !other) return null;
      const v = other ? { ...d.viewer, favourites: { anime: [], manga: [], characters: [], staff: [], studios: [] }, ...other, siteUrl: `https://anilist.co/user/${id}` } : d.viewer;
      return {
        ...v,
        // As the person signed in sees them (no one signed in: null).
        isFollowing: (_a, ctx) => (ctx.viewerId == null ? null : d.follows.has(`${ctx.viewerId}>${id}`)),
        isFollower: (_a, ctx) => (ctx.viewerId == null ? null : d.follows.has(`${id}>${ctx.viewerId}`)),
        about: ({ asHtml } = {}) => (asHtml ? (v.aboutHtml ?? v.about) : v.about),
        avatar: { large: `${self.origin}/img/avatar/${v.id}.svg`, medium: `${self.origin}/img/avatar/${v.id}.svg` },
        statistics: { anime: statisticsOf(v, 'ANIME'), manga: statisticsOf(v, 'MANGA') },
        // The user's favourites, in the order they were added, a page at a time.
        favourites: () => {
          const f = v.favourites ?? {};
          const kind = (ids, obj) => ({ page, perPage } = {}) => {
            const n = Math.min(25, Math.max(1, perPage ?? 25));
            const p = Math.max(1, page ?? 1);
            const list = (ids ?? []).map(obj).filter(Boolean);
            return { pageInfo: { total: list.length, hasNextPage: p * n < list.length }, nodes: list.slice((p - 1) * n, p * n) };
          };
          return {
            anime: kind(f.anime, (id) => mediaObj(mediaById(id))),
            manga: kind(f.manga, (id) => mediaObj(mediaById(id))),
            characters: kind(f.characters, (id) => characterObj(id)),
            staff: kind(f.staff, (id) => staffObj(id)),
            studios: kind(f.studios, (id) => studioObj(id)),
          };
        },
      };
    };
    const members = (ids) => ids.map(userObj).filter(Boolean).sort((a, b) => a.name.localeCompare(b.name));
    // A user's statistics: the totals as the fixture gives them, the counts
    // by status, format, score… made from their entries (so an edit shows
    // in them), each sorted and cut as asked.
    const statisticsOf = (v, type) => {
      const totals = v.statistics?.[type.toLowerCase()];
      if (!totals) return null;
      const mine = d.entries.filter((e) => e.userId === v.id && mediaById(e.mediaId)?.type === type).map((e) => ({ e, m: mediaById(e.mediaId) }));
      const format = d.viewer.mediaListOptions.scoreFormat;
      const score = (e) => Number(convertScore(e.score ?? 0, format));
      // `keys` gives each entry's values, as [key, the value's fields].
      const by = (keys) => ({ limit, sort } = {}) => {
        const groups = new Map();
        for (const x of mine) {
          for (const [key, fields] of keys(x)) {
            if (!groups.has(key)) groups.set(key, { fields, xs: [] });
            groups.get(key).xs.push(x);
          }
        }
        const rows = [...groups.values()].map(({ fields, xs }) => {
          const scored = xs.filter((x) => x.e.score > 0);
          return {
            ...fields,
            count: xs.length,
            meanScore: scored.length ? scored.reduce((a, x) => a + score(x.e), 0) / scored.length : 0,
            minutesWatched: type === 'ANIME' ? xs.reduce((a, x) => a + (x.e.progress ?? 0) * (x.m.duration ?? 0), 0) : 0,
            chaptersRead: type === 'MANGA' ? xs.reduce((a, x) => a + (x.e.progress ?? 0), 0) : 0,
            mediaIds: xs.map((x) => x.m.id),
          };
        });
        if ((sort ?? [])[0] === 'COUNT_DESC') rows.sort((a, b) => b.count - a.count);
        return rows.slice(0, limit ?? rows.length);
      };
      const person = (p) => ({ id: p.id, name: { userPreferred: p.name, full: p.name } });
      return {
        ...totals,
        statuses: by(({ e }) => [[e.status, { status: e.status }]]),
        formats: by(({ m }) => [[m.format, { format: m.format }]]),
        scores: by(({ e }) => (e.score > 0 ? [[Math.round(score(e)), { score: Math.round(score(e)) }]] : [])),
        releaseYears: by(({ m }) => { const y = m.startDate?.year ?? m.seasonYear; return y ? [[y, { releaseYear: y }]] : []; }),
        genres: by(({ m }) => (m.genres ?? []).map((g) => [g, { genre: g }])),
        tags: by(({ m }) => (m.tags ?? []).map((t) => [t.id, { tag: t }])),
        studios: by(({ m }) => (m.studios ?? []).filter((st) => st.isMain).map((st) => [st.id, { studio: { id: st.id, name: st.name } }])),
        staff: by(({ m }) => (m.staff ?? []).map((p) => [p.id, { staff: person(p) }])),
      };
    };
    // What AniList refuses in a save's values, by field.
    const entryProblems = (media, args) => {
      const validation = {};
      if (args.progress != null && args.progress < 0) validation.progress = ['The progress must be at least 0.'];
      const total = media.type === 'ANIME' ? media.episodes : media.chapters;
      if (args.progress != null && total && args.progress > total) validation.progress = [`The progress may not be greater than ${total}.`];
      const format = d.viewer.mediaListOptions.scoreFormat;
      const max = SCORE_MAX[format] ?? 10;
      if (args.score != null && (args.score < 0 || args.score > max)) validation.score = [`The score must be between 0 and ${max}.`];
      for (const k of ['repeat', 'priority', 'progressVolumes']) {
        if (args[k] != null && args[k] < 0) validation[k] = [`The ${k} must be at least 0.`];
      }
      if (args.progressVolumes != null && media.volumes && args.progressVolumes > media.volumes) validation.progressVolumes = [`The progress volumes may not be greater than ${media.volumes}.`];
      for (const k of ['startedAt', 'completedAt']) {
        const date = args[k];
        if (date?.month != null && (date.month < 1 || date.month > 12)) validation[`${k}.month`] = ['The month must be between 1 and 12.'];
        if (date?.day != null && (date.day < 1 || date.day > 31)) validation[`${k}.day`] = ['The day must be between 1 and 31.'];
      }
      return validation;
    };
    // Sets the values a save gives.
    const setEntry = (e, args) => {
      for (const k of ['status', 'progress', 'progressVolumes', 'repeat', 'priority', 'private', 'notes', 'hiddenFromStatusLists']) {
        if (args[k] !== undefined && args[k] !== null) e[k] = args[k];
      }
      // Kept on the 10-point scale with a decimal; given in the user's format.
      if (args.score != null) e.score = scoreFromFormat(args.score, d.viewer.mediaListOptions.scoreFormat);
      for (const k of ['startedAt', 'completedAt']) {
        if (args[k]) e[k] = { year: args[k].year ?? null, month: args[k].month ?? null, day: args[k].day ?? null };
      }
      // Exactly the lists named (AniList ignores a name that is not one of the user's lists).
      if (args.customLists) e.customLists = args.customLists.filter((n) => n && (typeOptions(e).customLists ?? []).includes(n));
      if (args.advancedScores) {
        const names = typeOptions(e).advancedScoring ?? [];
        e.advancedScores = Object.fromEntries(names.map((n, i) => [n, args.advancedScores[i] ?? 0]));
      }
      e.updatedAt = Math.floor(Date.now() / 1000);
    };
    const entryObj = (e) => ({
      ...e,
      score: ({ format } = {}) => convertScore(e.score, format ?? d.viewer.mediaListOptions.scoreFormat),
      media: () => mediaObj(mediaById(e.mediaId)),
      user: () => userObj(e.userId),
      // Every custom list of the user's, on or off (AniList's shape).
      customLists: ({ asArray } = {}) => {
        const names = typeOptions(e).customLists ?? [];
        const on = e.customLists ?? [];
        const all = [...names, ...on.filter((n) => !names.includes(n))];
        return asArray ? all.map((name) => ({ name, enabled: on.includes(name) })) : Object.fromEntries(all.map((n) => [n, on.includes(n)]));
      },
      advancedScores: () => {
        const o = typeOptions(e);
        if (!o.advancedScoringEnabled) return null;
        return Object.fromEntries((o.advancedScoring ?? []).map((n) => [n, e.advancedScores?.[n] ?? 0]));
      },
      startedAt: { year: null, month: null, day: null, ...(e.startedAt ?? {}) },
      completedAt: { year: null, month: null, day: null, ...(e.completedAt ?? {}) },
    });
    const typeOptions = (e) => {
      const o = d.viewer.mediaListOptions;
      return (mediaById(e.mediaId)?.type === 'MANGA' ? o.mangaList : o.animeList) ?? {};
    };
    // The title in the viewer's language (AniList's own falls back to romaji).
    const preferred = (title) => {
      const lang = (d.viewer.options.titleLanguage ?? 'ROMAJI').replace('_STYLISED', '');
      return (lang === 'ENGLISH' ? title.english : lang === 'NATIVE' ? title.native : null) ?? title.romaji;
    };
    // A title's episodes within three weeks either side of now, one a week:
    // from `nextAiring` (seconds after each answer) or `airs` (a local time
    // of day, `day` days from today).
    const episodesOf = (m, now) => {
      let ref = null;
      if (m.nextAiring) ref = { episode: m.nextAiring.episode, airingAt: now + m.nextAiring.inSeconds };
      if (m.airs) {
        const t = new Date();
        const at = new Date(t.getFullYear(), t.getMonth(), t.getDate() + m.airs.day, m.airs.hour, m.airs.minute);
        ref = { episode: m.airs.episode, airingAt: Math.floor(at.getTime() / 1000) };
      }
      if (!ref) return [];
      const out = [];
      for (let k = -3; k <= 3; k++) {
        const episode = ref.episode + k;
        if (episode < 1 || (m.episodes && episode > m.episodes)) continue;
        out.push({ id: m.id * 1000 + episode, mediaId: m.id, episode, airingAt: ref.airingAt + k * 7 * 86400 });
      }
      return out;
    };
    // An activity as AniList answers it; isLiked as the person signed in sees it.
    // A post's text: as written (`source`, kept for those posted here), or
    // as HTML with `asHtml` (the fixture's are HTML only).
    const textOf = (x) => ({ asHtml } = {}) => (asHtml || x.source == null ? x.text : x.source);
    const activityObj = (x) => ({
      ...x, user: userObj(x.userId), media: x.mediaId ? mediaObj(mediaById(x.mediaId)) : null,
      siteUrl: `https://anilist.co/activity/${x.id}`,
      text: textOf(x),
      // A message: its text is `message`; its writer the messenger.
      message: textOf(x),
      messenger: x.messengerId ? userObj(x.messengerId) : null,
      recipient: x.recipientId ? userObj(x.recipientId) : null,
      isLiked: (_a, ctx) => ctx.viewerId != null && d.likes.has(`${ctx.viewerId}>${x.id}`),
      isSubscribed: (_a, ctx) => ctx.viewerId != null && d.subscriptions.has(`${ctx.viewerId}>${x.id}`),
      isPinned: x.isPinned ?? false,
      replies: (x.replies ?? []).map((r) => ({ ...r, text: textOf(r), activityId: x.id, user: userObj(r.userId), isLiked: false })),
    });
    // What AniList makes of a post's text: HTML, escaped (the stand-in
    // knows no markdown).
    const postHtml = (text) => `<p>${String(text).trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</p>`;
    const postText = (text) => {
      if (!text || !String(text).trim()) throw new ApiError('validation', 400, { validation: { text: ['The text field is required.'] } });
      return { source: String(text), text: postHtml(text), createdAt: Math.floor(Date.now() / 1000) };
    };
    const mediaObj = (m) => {
      if (!m) return null;
      const kind = m.type.toLowerCase();
      return {
        ...m,
        title: { ...m.title, userPreferred: preferred(m.title) },
        coverImage: {
          extraLarge: `${self.origin}/img/cover/${m.id}.svg`, large: `${self.origin}/img/cover/${m.id}.svg`,
          medium: `${self.origin}/img/cover/${m.id}.svg`, color: '#3db4f2',
        },
        siteUrl: `https://anilist.co/${kind}/${m.id}`,
        synonyms: m.synonyms ?? [],
        startDate: m.startDate ?? { year: m.seasonYear ?? null, month: null, day: null },
        description: () => m.description,
        endDate: m.endDate ?? { year: null, month: null, day: null },
        source: () => m.source ?? null,
        tags: m.tags ?? [],
        isFavourite: (_a, ctx) => ctx.viewerId !== null && (d.viewer.favourites?.[kind] ?? []).includes(m.id),
        favourites: m.favourites ?? 0,
        studios: ({ isMain } = {}) => {
          const list = (m.studios ?? []).filter((s) => !isMain || s.isMain);
          return { nodes: list.map(({ id, name }) => ({ id, name })), edges: list.map((s) => ({ isMain: s.isMain, node: { id: s.id, name: s.name } })) };
        },
        // Airing times move with the clock, as AniList's do.
        // (`nextAiring` is AniList's word as it is, even once that time
        // has passed: AniList can be late to move on.)
        nextAiringEpisode: () => {
          const now = Math.floor(Date.now() / 1000);
          const next = m.nextAiring ? episodesOf(m, now).find((e) => e.episode === m.nextAiring.episode)
            : episodesOf(m, now).find((e) => e.airingAt > now);
          return next ? { ...next, timeUntilAiring: next.airingAt - now } : null;
        },
        relations: () => ({ edges: (m.relations ?? []).map((r) => ({ relationType: r.relationType, node: mediaObj(mediaById(r.id)) })) }),
        characters: ({ perPage, page } = {}) => ({
          pageInfo: { hasNextPage: (page ?? 1) * (perPage ?? 25) < (m.characters ?? []).length },
          edges: (m.characters ?? []).slice(((page ?? 1) - 1) * (perPage ?? 25), (page ?? 1) * (perPage ?? 25)).map((c) => ({
            role: c.role,
            node: { id: c.id, name: { userPreferred: c.name, full: c.name }, image: { medium: `${self.origin}/img/character/${c.id}.svg` } },
            voiceActors: ({ language } = {}) => {
              const va = c.voiceActors?.[language ?? 'JAPANESE'];
              return va ? [{ id: va.id, name: { userPreferred: va.name, full: va.name }, image: { medium: `${self.origin}/img/staff/${va.id}.svg` } }] : [];
            },
          })),
        }),
        staff: ({ perPage, page } = {}) => ({
          pageInfo: { hasNextPage: (page ?? 1) * (perPage ?? 25) < (m.staff ?? []).length },
          edges: (m.staff ?? []).slice(((page ?? 1) - 1) * (perPage ?? 25), (page ?? 1) * (perPage ?? 25)).map((p) => ({
            role: p.role,
            node: { id: p.id, name: { userPreferred: p.name, full: p.name }, image: { medium: `${self.origin}/img/staff/${p.id}.svg` } },
          })),
        }),
        rankings: m.rankings ?? [],
        // Counted from every member's entries, as AniList does: by status,
        // and by score in tens (10 … 100, whatever each member's system).
        stats: () => {
          const on = d.entries.filter((e) => e.mediaId === m.id);
          const statuses = ['CURRENT', 'PLANNING', 'COMPLETED', 'DROPPED', 'PAUSED', 'REPEATING'];
          return {
            statusDistribution: statuses.map((status) => ({ status, amount: on.filter((e) => e.status === status).length })).filter((c) => c.amount > 0),
            scoreDistribution: Array.from({ length: 10 }, (_, i) => (i + 1) * 10)
              .map((score) => ({ score, amount: on.filter((e) => e.score > 0 && Math.min(100, Math.max(10, Math.round(e.score) * 10)) === score).length })),
            airingProgression: null,
          };
        },
        // Best rated first (the ratings the members gave), 25 at most a page.
        reviews: ({ page, perPage } = {}, ctx) => {
          const all = d.reviews.filter((r) => r.mediaId === m.id).map((r) => reviewObj(r, ctx))
            .sort((a, b) => b.rating - a.rating || a.id - b.id);
          const { pageInfo, edges } = pageOf(all, { page, perPage });
          return { pageInfo, edges: edges.map((node) => ({ node })), nodes: edges };
        },
        // Best rated first: the fixture's standing, with the members' say.
        recommendations: (_a, ctx) => ({ nodes: (m.recommendations ?? []).map((id) => recommendationObj(m, id, ctx)).sort((a, b) => b.rating - a.rating || a.id - b.id) }),
        externalLinks: m.externalLinks ?? [],
        mediaListEntry: (_a, ctx) => {
          if (ctx.viewerId === null) return null;
          const e = d.entries.find((x) => x.userId === ctx.viewerId && x.mediaId === m.id);
          return e ? entryObj(e) : null;
        },
      };
    };
    // Characters and staff: gathered from the titles that name them, with
    // what `d.people` keeps of them (their pages). Their titles come a page
    // at a time (25 at most, as AniList's connections), sorted as asked.
    const pageOf = (all, { page, perPage } = {}) => {
      const p = Math.max(1, page ?? 1);
      const n = Math.min(25, Math.max(1, perPage ?? 25));
      return {
        pageInfo: { total: all.length, perPage: n, currentPage: p, lastPage: Math.max(1, Math.ceil(all.length / n)), hasNextPage: p * n < all.length },
        edges: all.slice((p - 1) * n, p * n),
      };
    };
    const sortedMedia = (list, sort) => {
      const by = {
        POPULARITY_DESC: (m) => m.popularity ?? 0,
        START_DATE_DESC: (m) => m.startDate?.year ?? m.seasonYear ?? 0,
      }[(sort ?? [])[0]];
      const unique = [...new Set(list)];
      return by ? unique.sort((a, b) => by(b) - by(a) || a.id - b.id) : unique;
    };
    // `onList: true` keeps the titles on the viewer's lists (AniList needs a sign-in for it).
    const onListOf = (args, ctx) => (m) => {
      if (!args.onList) return true;
      viewerOf(ctx);
      return d.entries.some((e) => e.userId === ctx.viewerId && e.mediaId === m.id);
    };
    // A recommendation of title `rec` on title `m`: its standing (members
    // who agree, less those who do not) and the viewer's say.
    const recommendationObj = (m, rec, ctx) => {
      const votes = [...d.recommendationVotes].filter(([k]) => k.endsWith(`>${m.id}>${rec}`));
      return {
        id: m.id * 1_000_000 + rec,
        rating: (m.recommendationRatings?.[rec] ?? 0) + votes.filter(([, v]) => v === 'RATE_UP').length - votes.filter(([, v]) => v === 'RATE_DOWN').length,
        userRating: ctx?.viewerId == null ? null : d.recommendationVotes.get(`${ctx.viewerId}>${m.id}>${rec}`) ?? 'NO_RATING',
        media: () => mediaObj(m),
        mediaRecommendation: () => mediaObj(mediaById(rec)),
      };
    };
    // A review with the members' say on it counted in (the viewer's say, as
    // userRating, for the viewer only).
    const reviewObj = (r, ctx) => {
      const votes = [...d.reviewVotes].filter(([k]) => k.endsWith(`>${r.id}`));
      return {
        ...r,
        mediaType: mediaById(r.mediaId)?.type ?? null,
        // Kept as HTML; one written here also as its markdown (`source`),
        // which is what comes without `asHtml`.
        body: ({ asHtml } = {}) => (asHtml || r.source == null ? r.body : r.source),
        rating: r.rating + votes.filter(([, v]) => v === 'UP_VOTE').length,
        ratingAmount: r.ratingAmount + votes.length,
        userRating: ctx?.viewerId == null ? null : d.reviewVotes.get(`${ctx.viewerId}>${r.id}`) ?? 'NO_VOTE',
        private: Boolean(r.private),
        siteUrl: `https://anilist.co/review/${r.id}`,
        user: () => userObj(r.userId),
        media: () => mediaObj(mediaById(r.mediaId)),
      };
    };
    const fuzzy = (date) => ({ year: null, month: null, day: null, ...(date ?? {}) });
    const personObj = (kind, id, name) => ({ id, name: { userPreferred: name, full: name }, image: { medium: `${self.origin}/img/${kind}/${id}.svg` } });
    const someoneObj = (kind, id, name, extra) => ({
      id,
      name: { userPreferred: name, full: name, native: extra.native ?? null, alternative: extra.alternative ?? [] },
      image: { large: `${self.origin}/img/${kind}/${id}.svg`, medium: `${self.origin}/img/${kind}/${id}.svg` },
      description: () => extra.description ?? null,
      gender: extra.gender ?? null,
      age: extra.age ?? null,
      bloodType: extra.bloodType ?? null,
      dateOfBirth: fuzzy(extra.dateOfBirth),
      favourites: extra.favourites ?? 0,
      isFavourite: (_a, ctx) => ctx.viewerId !== null && (d.viewer.favourites?.[kind === 'staff' ? 'staff' : 'characters'] ?? []).includes(id),
      isFavouriteBlocked: false,
      siteUrl: `https://anilist.co/${kind}/${id}`,
    });
    const characterObj = (id) => {
      const roles = d.media.flatMap((m) => (m.characters ?? []).filter((c) => c.id === id).map((c) => ({ m, c })));
      if (!roles.length) return null;
      return {
        ...someoneObj('character', id, roles[0].c.name, d.people.character[id] ?? {}),
        media: (args = {}, ctx) => pageOf(sortedMedia(roles.map((r) => r.m).filter(onListOf(args, ctx)), args.sort).map((m) => {
          const { c } = roles.find((r) => r.m === m);
          return {
            characterRole: c.role,
            node: mediaObj(m),
            voiceActors: ({ language } = {}) => {
              const va = c.voiceActors?.[language ?? 'JAPANESE'];
              return va ? [personObj('staff', va.id, va.name)] : [];
            },
          };
        }), args),
      };
    };
    const staffObj = (id) => {
      const worked = d.media.flatMap((m) => (m.staff ?? []).filter((p) => p.id === id).map((p) => ({ m, role: p.role, name: p.name })));
      const voiced = d.media.flatMap((m) => (m.characters ?? []).flatMap((c) => Object.values(c.voiceActors ?? {})
        .filter((va) => va.id === id).map((va) => ({ m, c, name: va.name }))));
      if (!worked.length && !voiced.length) return null;
      const extra = d.people.staff[id] ?? {};
      return {
        ...someoneObj('staff', id, (worked[0] ?? voiced[0]).name, extra),
        primaryOccupations: extra.primaryOccupations ?? [],
        yearsActive: extra.yearsActive ?? [],
        homeTown: extra.homeTown ?? null,
        languageV2: extra.languageV2 ?? null,
        dateOfDeath: fuzzy(extra.dateOfDeath),
        // One edge a role, the roles of a title together.
        staffMedia: (args = {}, ctx) => pageOf(sortedMedia(worked.map((w) => w.m).filter(onListOf(args, ctx)), args.sort)
          .flatMap((m) => worked.filter((w) => w.m === m).map((w) => ({ staffRole: w.role, node: mediaObj(m) }))), args),
        // One edge a title, with every character voiced in it.
        characterMedia: (args = {}, ctx) => pageOf(sortedMedia(voiced.map((v) => v.m).filter(onListOf(args, ctx)), args.sort).map((m) => {
          const here = voiced.filter((v) => v.m === m);
          return { characterRole: here[0].c.role, characters: here.map((v) => personObj('character', v.c.id, v.c.name)), node: mediaObj(m) };
        }), args),
      };
    };
    const threadObj = (t) => ({
      ...t,
      likeCount: t.likeCount ?? 0,
      isLiked: (_a, ctx) => ctx.viewerId != null && d.likes.has(`${ctx.viewerId}>thread:${t.id}`),
      isSubscribed: (_a, ctx) => ctx.viewerId != null && d.likes.has(`${ctx.viewerId}>subscribed:thread:${t.id}`),
      body: ({ asHtml } = {}) => (asHtml ? t.bodyHtml : t.body),
      siteUrl: `https://anilist.co/forum/thread/${t.id}`,
      user: userObj(t.userId),
      replyUser: t.replyUserId ? userObj(t.replyUserId) : null,
      mediaCategories: t.mediaIds.map((id) => mediaObj(mediaById(id))),
      categories: (t.categoryIds ?? []).map((id) => d.threadCategories.find((c) => c.id === id)),
    });
    // AniList's markdown as HTML: a few of its rules (paragraphs, __bold__
    // or **bold**, _italic_, ~!spoilers!~, [links](…)); markup written in
    // the text passes through as it does on AniList, so the app's
    // allowlist is what keeps it inert.
    const markdownHtml = (markdown) => {
      const inline = (t) => t
        .replace(/~!([\s\S]+?)!~/g, '<span class="markdown_spoiler"><span>$1</span></span>')
        .replace(/__(.+?)__|\*\*(.+?)\*\*/g, (_, a, b) => `<b>${a ?? b}</b>`)
        .replace(/(^|\W)_(.+?)_(?=\W|$)/g, '$1<i>$2</i>')
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
      return String(markdown).trim().split(/\n\s*\n/).filter((p) => p.trim()).map((p) => `<p>${inline(p.trim())}</p>`).join('\n');
    };
    // The answers to a comment, and theirs, as AniList gives them: a Json
    // tree of plain values, the text as markdown (never HTML); none: null.
    const answerTree = (id, viewerId) => {
      const kids = d.threadComments.filter((y) => y.parentCommentId === id).sort((x, y) => x.id - y.id);
      return kids.length ? kids.map((k) => {
        const u = k.userId === d.viewer.id ? d.viewer : d.others.find((o) => o.id === k.userId);
        return {
          id: k.id, userId: k.userId, threadId: k.threadId, comment: k.comment, likeCount: k.likeCount,
          isLiked: viewerId != null && d.likes.has(`${viewerId}>comment:${k.id}`), createdAt: k.createdAt, updatedAt: k.createdAt,
          user: u ? { id: u.id, name: u.name, avatar: { large: `${self.origin}/img/avatar/${u.id}.svg` } } : null,
          childComments: answerTree(k.id, viewerId),
        };
      }) : null;
    };
    // A comment and every answer under it (deleting it deletes them).
    const withAnswers = (id) => [id, ...d.threadComments.filter((y) => y.parentCommentId === id).flatMap((y) => withAnswers(y.id))];
    // A comment of a thread: its text as HTML, or as written.
    const commentObj = (c) => ({
      ...c,
      childComments: (_a, ctx) => answerTree(c.id, ctx.viewerId),
      isLiked: (_a, ctx) => ctx.viewerId != null && d.likes.has(`${ctx.viewerId}>comment:${c.id}`),
      comment: ({ asHtml } = {}) => (asHtml ? c.commentHtml : c.comment),
      siteUrl: `https://anilist.co/forum/thread/${c.threadId}/comment/${c.id}`,
      user: userObj(c.userId),
    });
    // A studio: gathered from the titles that credit it.
    const studioObj = (id) => {
      const credited = d.media.filter((m) => (m.studios ?? []).some((st) => st.id === id));
      if (!credited.length) return null;
      const here = (m) => m.studios.find((st) => st.id === id);
      return {
        id,
        name: here(credited[0]).name,
        isAnimationStudio: here(credited[0]).isAnimationStudio ?? true,
        siteUrl: `https://anilist.co/studio/${id}`,
        favourites: d.people.studio[id]?.favourites ?? 0,
        isFavourite: (_a, ctx) => ctx.viewerId !== null && (d.viewer.favourites?.studios ?? []).includes(id),
        media: (args = {}, ctx) => pageOf(sortedMedia(credited.filter((m) => args.isMain == null || here(m).isMain === args.isMain).filter(onListOf(args, ctx)), args.sort)
          .map((m) => ({ isMainStudio: here(m).isMain, node: mediaObj(m) })), args),
      };
    };
    // The distinct ones (by id) whose name holds `search`, any case.
    const named = (list, search) => {
      const q = (search ?? '').toLowerCase();
      const seen = new Map();
      for (const x of list) if (!seen.has(x.id) && x.name.toLowerCase().includes(q)) seen.set(x.id, x);
      return [...seen.values()];
    };
    const searchMedia = (args, ctx) => {
      let list = d.media;
      if (args.type) list = list.filter((m) => m.type === args.type);
      if (args.search) {
        const q = args.search.toLowerCase();
        list = list.filter((m) => Object.values(m.title).some((t) => t && t.toLowerCase().includes(q)));
      }
      if (args.id) list = list.filter((m) => m.id === args.id);
      if (args.id_in) list = list.filter((m) => args.id_in.includes(m.id));
      if (args.idMal_in) list = list.filter((m) => m.idMal != null && args.idMal_in.includes(m.idMal));
      if (args.format) list = list.filter((m) => m.format === args.format);
      if (args.status) list = list.filter((m) => m.status === args.status);
      if (args.season) list = list.filter((m) => m.season === args.season);
      if (args.seasonYear) list = list.filter((m) => m.seasonYear === args.seasonYear);
      if (args.genre) list = list.filter((m) => (m.genres ?? []).includes(args.genre));
      if (args.tag) list = list.filter((m) => (m.tags ?? []).some((t) => t.name === args.tag));
      // On the viewer's lists, or not: AniList needs someone signed in.
      if (args.onList != null) {
        const mine = new Set(d.entries.filter((e) => e.userId === viewerOf(ctx)).map((e) => e.mediaId));
        list = list.filter((m) => mine.has(m.id) === args.onList);
      }
      // isAdult: false leaves out titles for adults (the app says so unless
      // the person lets them show).
      if (args.isAdult != null) list = list.filter((m) => (m.isAdult ?? false) === args.isAdult);
      const by = {
        POPULARITY_DESC: (m) => m.popularity ?? 0, SCORE_DESC: (m) => m.averageScore ?? 0,
        TRENDING_DESC: (m) => m.trending ?? 0, START_DATE_DESC: (m) => m.seasonYear ?? 0,
      }[(args.sort ?? [])[0]];
      if (by) list = [...list].sort((a, b) => by(b) - by(a) || a.id - b.id);
      return list;
    };
    return {
      Viewer: (_args, ctx) => userObj(viewerOf(ctx)),
      // AniList's tags (a few of its 400), as its MediaTagCollection.
      MediaTagCollection: () => d.tags,
      User: (args) => {
        const id = args.id ?? [d.viewer, ...d.others].find((o) => o.name === args.name)?.id;
        const u = id == null ? null : userObj(id);
        if (!u) throw new ApiError('Not Found.', 404);
        return u;
      },
      Media: (args, ctx) => {
        const m = searchMedia(args, ctx)[0];
        if (!m) throw new ApiError('Not Found.', 404);
        return mediaObj(m);
      },
      Character: (args) => {
        const c = characterObj(args.id);
        if (!c) throw new ApiError('Not Found.', 404);
        return c;
      },
      Studio: (args) => {
        const st = studioObj(args.id);
        if (!st) throw new ApiError('Not Found.', 404);
        return st;
      },
      Staff: (args) => {
        const p = staffObj(args.id);
        if (!p) throw new ApiError('Not Found.', 404);
        return p;
      },
      // One activity; a private message only for its two members.
      Activity: (args, ctx) => {
        const x = d.activities.find((a) => a.id === args.id);
        if (!x || (x.isPrivate && ![x.messengerId, x.recipientId].includes(ctx.viewerId))) throw new ApiError('Not Found.', 404);
        return activityObj(x);
      },
      // By id, or by title and writer; a private one only for its writer.
      Review: (args, ctx) => {
        const r = d.reviews.find((x) => (args.id == null || x.id === args.id) && (args.mediaId == null || x.mediaId === args.mediaId) && (args.userId == null || x.userId === args.userId));
        if (!r || (r.private && r.userId !== ctx.viewerId)) throw new ApiError('Not Found.', 404);
        return reviewObj(r, ctx);
      },
      // AniList's markdown as its HTML (markdownHtml), signed in only.
      Markdown: (args, ctx) => {
        viewerOf(ctx);
        return { html: markdownHtml(args.markdown) };
      },
      // A thread's comments (by id: the one), as a list like AniList's.
      ThreadComment: (args) => d.threadComments
        .filter((c) => (args.id == null || c.id === args.id) && (args.threadId == null || c.threadId === args.threadId))
        .map(commentObj),
      // A forum thread; its body as HTML when asked (kept as both).
      Thread: (args) => {
        const t = d.threads.find((x) => x.id === args.id);
        if (!t) throw new ApiError('Not Found.', 404);
        return threadObj(t);
      },
      Page: (args, ctx, info) => {
        const page = Math.max(1, args.page ?? 1);
        const perPage = Math.min(self.maxPerPage, Math.max(1, args.perPage ?? 50));
        const listArgs = pageListArgs(info, 'media');
        const noteArgs = pageListArgs(info, 'notifications');
        // The viewer's notifications (the other accounts have none); read
        // with resetNotificationCount, none is unread any more.
        const notes = () => {
          viewerOf(ctx);
          if (ctx.viewerId !== d.viewer.id) return [];
          if (noteArgs.resetNotificationCount) d.viewer.unreadNotificationCount = 0;
          return d.notifications.filter((n) => !noteArgs.type_in || noteArgs.type_in.includes(n.type));
        };
        const entryArgs = pageListArgs(info, 'mediaList');
        const reviewArgs = pageListArgs(info, 'reviews');
        // Reviews by a member or of a title, newest first (CREATED_AT_DESC).
        const reviews = () => d.reviews
          .filter((r) => (reviewArgs.userId == null || r.userId === reviewArgs.userId) && (reviewArgs.mediaId == null || r.mediaId === reviewArgs.mediaId))
          .filter((r) => !r.private || r.userId === ctx.viewerId)
          .sort((a, b) => b.createdAt - a.createdAt || a.id - b.id);
        // One user's entries (the viewer's own when none is named; another
        // user's private ones never), or with isFollowing those of everyone
        // the viewer follows; compareWithAuthList: only titles on the
        // viewer's lists too.
        const entries = () => {
          const a = entryArgs;
          const userId = a.userId ?? ctx.viewerId;
          const whose = a.isFollowing
            ? (e) => d.follows.has(`${viewerOf(ctx)}>${e.userId}`) && !e.private
            : (e) => e.userId === userId && (userId === ctx.viewerId || !e.private);
          const mine = a.compareWithAuthList ? new Set(d.entries.filter((e) => e.userId === viewerOf(ctx)).map((e) => e.mediaId)) : null;
          const order = (a.sort ?? []).includes('UPDATED_TIME_DESC') ? (x, y) => (y.updatedAt ?? 0) - (x.updatedAt ?? 0) : () => 0;
          return d.entries.filter((e) => whose(e)
            && (a.mediaId == null || e.mediaId === a.mediaId)
            && (a.mediaId_in == null || a.mediaId_in.includes(e.mediaId))
            && (a.status == null || e.status === a.status)
            && (a.type == null || mediaById(e.mediaId)?.type === a.type)
            && (mine === null || mine.has(e.mediaId)))
            .sort(order);
        };
        const airingArgs = pageListArgs(info, 'airingSchedules');
        const now = Math.floor(Date.now() / 1000);
        // Every title's episodes in the time asked, soonest first (TIME, MEDIA_ID).
        const airing = () => {
          const a = airingArgs;
          return d.media.flatMap((m) => episodesOf(m, now))
            .filter((e) => (a.airingAt_greater == null || e.airingAt > a.airingAt_greater)
              && (a.airingAt_lesser == null || e.airingAt < a.airingAt_lesser)
              && (a.mediaId == null || e.mediaId === a.mediaId)
              && (!a.notYetAired || e.airingAt > now))
            .sort((x, y) => x.airingAt - y.airingAt || x.mediaId - y.mediaId);
        };
        const activityArgs = pageListArgs(info, 'activities');
        // The feed, newest first: the followed members' and the viewer's own
        // (isFollowing), or with hasRepliesOrTypeText posts and answered
        // list updates only.
        // A message belongs to its recipient (userId), and a private one is
        // shown to its writer and its recipient only.
        const activities = () => {
          const a = activityArgs;
          const mine = a.isFollowing ? viewerOf(ctx) : null;
          const owner = (x) => (x.type === 'MESSAGE' ? x.recipientId : x.userId);
          return d.activities.filter((x) => (!a.type_in || a.type_in.includes(x.type)) && (!a.type || x.type === a.type)
            && (!a.isFollowing || owner(x) === mine || d.follows.has(`${mine}>${owner(x)}`))
            && (!a.hasRepliesOrTypeText || x.type === 'TEXT' || x.replyCount > 0)
            && (a.userId == null || owner(x) === a.userId)
            && (a.messengerId == null || x.messengerId === a.messengerId)
            && (!x.isPrivate || (ctx.viewerId != null && [x.messengerId, x.recipientId].includes(ctx.viewerId))))
            // PINNED first when asked (a member's own feed), then the newest.
            .sort((x, y) => ((a.sort ?? []).includes('PINNED') ? (y.isPinned ? 1 : 0) - (x.isPinned ? 1 : 0) : 0) || y.id - x.id);
        };
        // A title's forum threads: pinned first, then the most recently
        // answered (IS_STICKY, REPLIED_AT_DESC; one not answered by when it
        // was begun).
        // The forum: found by words of the title (SEARCH_MATCH: most words
        // first), the viewer's subscribed ones (signed in only), one
        // member's; else the most recently answered first.
        const threadArgs = pageListArgs(info, 'threads');
        const words = (t) => (threadArgs.search ?? '').toLowerCase().split(/\s+/).filter((w) => w && (t.title ?? '').toLowerCase().includes(w)).length;
        const threads = () => {
          if (threadArgs.subscribed) viewerOf(ctx);
          const sort = threadArgs.sort ?? [];
          return d.threads
            .filter((t) => (threadArgs.mediaCategoryId == null || t.mediaIds.includes(threadArgs.mediaCategoryId))
              && (threadArgs.search == null || words(t) > 0)
              && (!threadArgs.subscribed || d.likes.has(`${ctx.viewerId}>subscribed:thread:${t.id}`))
              && (threadArgs.userId == null || t.userId === threadArgs.userId)
              && (threadArgs.categoryId == null || (t.categoryIds ?? []).includes(threadArgs.categoryId)))
            .sort((a, b) => (sort.includes('ID_DESC') ? b.id - a.id : 0)
              || (sort.includes('IS_STICKY') ? Number(b.isSticky) - Number(a.isSticky) : 0)
              || (sort.includes('SEARCH_MATCH') ? words(b) - words(a) : 0)
              || (b.repliedAt || b.createdAt) - (a.repliedAt || a.createdAt) || a.id - b.id);
        };
        // A thread's comments, oldest first, each with its answers (a Json
        // tree, as AniList gives it: markdown, never HTML).
        const commentArgs = pageListArgs(info, 'threadComments');
        // A thread's comments, oldest first (ID_DESC: newest); one member's.
        // Only the comments on the thread itself: answers are in their tree.
        const comments = () => d.threadComments
          .filter((c) => c.threadId === commentArgs.threadId && c.parentCommentId == null && (commentArgs.userId == null || c.userId === commentArgs.userId))
          .sort((a, b) => (commentArgs.sort?.includes('ID_DESC') ? b.id - a.id : a.id - b.id));
        // Whom a user follows, and who follows them, by name, a page at a time.
        const followingArgs = pageListArgs(info, 'following');
        const followersArgs = pageListArgs(info, 'followers');
        const follows = () => (followingArgs
          ? members([...d.follows].filter((f) => f.startsWith(`${followingArgs.userId}>`)).map((f) => Number(f.split('>')[1])))
          : members([...d.follows].filter((f) => f.endsWith(`>${followersArgs.userId}`)).map((f) => Number(f.split('>')[0]))));
        const all = listArgs ? searchMedia(listArgs, ctx) : noteArgs ? notes() : entryArgs ? entries() : reviewArgs ? reviews() : airingArgs ? airing() : activityArgs ? activities() : threadArgs ? threads() : commentArgs ? comments()
          : followingArgs || followersArgs ? follows() : [];
        const slice = all.slice((page - 1) * perPage, page * perPage);
        return {
          pageInfo: {
            total: all.length, perPage, currentPage: page,
            lastPage: Math.max(1, Math.ceil(all.length / perPage)),
            hasNextPage: page * perPage < all.length,
          },
          media: () => slice.map(mediaObj),
          // Everyone the titles name whose name holds the text.
          characters: ({ search } = {}) => named(d.media.flatMap((m) => m.characters ?? []), search)
            .slice(0, perPage).map((c) => personObj('character', c.id, c.name)),
          staff: ({ search } = {}) => named(d.media.flatMap((m) => [...(m.staff ?? []),
            ...(m.characters ?? []).flatMap((c) => Object.values(c.voiceActors ?? {}))]), search)
            .slice(0, perPage).map((p) => personObj('staff', p.id, p.name)),
          studios: ({ search } = {}) => named(d.media.flatMap((m) => m.studios ?? []), search)
            .slice(0, perPage).map(({ id, name }) => ({ id, name })),
          users: ({ search } = {}) => [d.viewer, ...d.others]
            .filter((u) => !search || u.name.toLowerCase().includes(search.toLowerCase()))
            .slice(0, perPage).map((u) => userObj(u.id)),
          notifications: () => slice.map((n) => ({
            ...n,
            media: n.animeId ?? n.mediaId ? mediaObj(mediaById(n.animeId ?? n.mediaId)) : null,
            user: n.userId ? userObj(n.userId) : null,
            thread: n.threadId ? threadObj(d.threads.find((t) => t.id === n.threadId)) : null,
          })),
          mediaList: () => slice.map(entryObj),
          activities: () => slice.map(activityObj),
          airingSchedules: () => slice.map((e) => ({ ...e, timeUntilAiring: e.airingAt - now, media: mediaObj(mediaById(e.mediaId)) })),
          reviews: () => slice.map((r) => reviewObj(r, ctx)),
          threads: () => slice.map(threadObj),
          threadComments: () => slice.map(commentObj),
          following: () => slice,
          followers: () => slice,
        };
      },
      MediaListCollection: (args) => {
        const userId = args.userId ?? (args.userName === d.viewer.name ? d.viewer.id : null);
        if (userId === null || userId === undefined) throw new ApiError('User not found', 404);
        const type = args.type;
        let entries = d.entries.filter((e) => e.userId === userId && (!type || mediaById(e.mediaId)?.type === type));
        // Chunks, as AniList pages through a long list: `perChunk` (at most
        // 500) entries at a time, in `sort` order (UPDATED_TIME_DESC: most
        // recently updated first), then grouped.
        let hasNextChunk = false;
        if (args.chunk != null || args.perChunk != null) {
          const per = args.perChunk ?? 500;
          if (per < 1 || per > 500) throw new ApiError('validation', 400, { validation: { perChunk: ['The per chunk may not be greater than 500.'] } });
          const chunk = Math.max(1, args.chunk ?? 1);
          if ((args.sort ?? []).includes('UPDATED_TIME_DESC')) entries = [...entries].sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0));
          hasNextChunk = entries.length > chunk * per;
          entries = entries.slice((chunk - 1) * per, chunk * per);
        }
        const order = ['CURRENT', 'REPEATING', 'COMPLETED', 'PAUSED', 'DROPPED', 'PLANNING'];
        const lists = order
          .map((status) => ({ status, entries: entries.filter((e) => e.status === status && !e.hiddenFromStatusLists) }))
          .filter((g) => g.entries.length)
          .map((g) => ({
            name: GROUP_NAMES[type ?? 'ANIME'][g.status], status: g.status, isCustomList: false,
            isSplitCompletedList: false, entries: g.entries.map(entryObj),
          }));
        // Custom lists come after the status lists, as on AniList.
        const names = [...new Set(entries.flatMap((e) => e.customLists ?? []))];
        for (const name of names) {
          lists.push({
            name, status: null, isCustomList: true, isSplitCompletedList: false,
            entries: entries.filter((e) => (e.customLists ?? []).includes(name)).map(entryObj),
          });
        }
        return { lists, user: userObj(userId), hasNextChunk };
      },
      MediaList: (args, ctx) => {
        const e = d.entries.find((x) => (args.id ? x.id === args.id : true)
          && (args.mediaId ? x.mediaId === args.mediaId : true)
          && x.userId === (args.userId ?? ctx.viewerId));
        if (!e) throw new ApiError('Not Found.', 404);
        return entryObj(e);
      },
      SaveMediaListEntry: (args, ctx) => {
        const userId = viewerOf(ctx);
        let e = args.id ? d.entries.find((x) => x.id === args.id) : d.entries.find((x) => x.userId === userId && x.mediaId === args.mediaId);
        if (args.id && (!e || e.userId !== userId)) throw new ApiError('Not Found.', 404);
        const media = mediaById(e ? e.mediaId : args.mediaId);
        if (!media) throw new ApiError('validation', 400, { validation: { mediaId: ['The selected media id is invalid.'] } });
        const validation = entryProblems(media, args);
        if (Object.keys(validation).length) throw new ApiError('validation', 400, { validation });
        if (!e) {
          e = { id: d.nextEntryId++, userId, mediaId: media.id, status: 'PLANNING', progress: 0, progressVolumes: 0, score: 0, repeat: 0, priority: 0, private: false, notes: null, createdAt: Math.floor(Date.now() / 1000) };
          d.entries.push(e);
        }
        setEntry(e, args);
        return entryObj(e);
      },
      UpdateMediaListEntries: (args, ctx) => {
        const userId = viewerOf(ctx);
        const list = (args.ids ?? []).map((id) => d.entries.find((x) => x.id === id && x.userId === userId));
        if (list.some((e) => !e)) throw new ApiError('Not Found.', 404);
        // All or nothing: a value one entry refuses changes none.
        for (const e of list) {
          const validation = entryProblems(mediaById(e.mediaId), args);
          if (Object.keys(validation).length) throw new ApiError('validation', 400, { validation });
        }
        for (const e of list) setEntry(e, args);
        return list.map(entryObj);
      },
      ToggleFavourite: (args, ctx) => {
        viewerOf(ctx);
        const favs = d.viewer.favourites ??= { anime: [], manga: [] };
        const flip = (list, id) => { const i = list.indexOf(id); if (i < 0) list.push(id); else list.splice(i, 1); };
        if (args.animeId) flip(favs.anime, args.animeId);
        if (args.mangaId) flip(favs.manga, args.mangaId);
        // Characters and staff, each with the count of those who have them.
        for (const [arg, list, kind] of [['characterId', 'characters', 'character'], ['staffId', 'staff', 'staff'], ['studioId', 'studios', 'studio']]) {
          const id = args[arg];
          if (!id) continue;
          flip(favs[list] ??= [], id);
          const kept = d.people[kind][id] ??= {};
          kept.favourites = (kept.favourites ?? 0) + (favs[list].includes(id) ? 1 : -1);
        }
        for (const k of ['anime', 'manga']) {
          const m = d.media.find((x) => x.id === (k === 'anime' ? args.animeId : args.mangaId));
          if (m) m.favourites = (m.favourites ?? 0) + (favs[k].includes(m.id) ? 1 : -1);
        }
        const page = (ids) => () => ({ pageInfo: { total: ids.length }, nodes: ids.map((id) => mediaObj(mediaById(id))) });
        return { anime: page(favs.anime), manga: page(favs.manga) };
      },
      // The viewer's favourites of each kind named, in the order given
      // (ascending numbers, as AniList's favouriteOrder): those named first,
      // those not named after them as they were. Absolute: the same order
      // sent twice is one order.
      UpdateFavouriteOrder: (args, ctx) => {
        viewerOf(ctx);
        const favs = d.viewer.favourites ??= { anime: [], manga: [] };
        for (const [kind, ids, order] of [['anime', args.animeIds, args.animeOrder], ['manga', args.mangaIds, args.mangaOrder],
          ['characters', args.characterIds, args.characterOrder], ['staff', args.staffIds, args.staffOrder], ['studios', args.studioIds, args.studioOrder]]) {
          if (ids == null) continue;
          if (!Array.isArray(order) || order.length !== ids.length) {
            throw new ApiError('validation', 400, { validation: { [`${kind}Order`]: ['The order must give a place for each id.'] } });
          }
          const list = favs[kind] ??= [];
          const place = new Map(ids.map((id, i) => [id, order[i]]));
          const named = list.filter((id) => place.has(id)).sort((a, b) => place.get(a) - place.get(b));
          favs[kind] = [...named, ...list.filter((id) => !place.has(id))];
        }
        const page = (ids) => () => ({ pageInfo: { total: ids.length }, nodes: ids.map((id) => mediaObj(mediaById(id))) });
        return { anime: page(favs.anime), manga: page(favs.manga) };
      },
      // Absolute: the viewer's say on a recommendation is what is given
      // (NO_RATING takes it back); one not there yet is made.
      SaveRecommendation: (args, ctx) => {
        const me = viewerOf(ctx);
        const m = mediaById(args.mediaId);
        const rec = mediaById(args.mediaRecommendationId);
        if (!m || !rec || m.id === rec.id) throw new ApiError('validation', 400, { validation: { mediaRecommendationId: ['The selected media recommendation id is invalid.'] } });
        m.recommendations ??= [];
        if (!m.recommendations.includes(rec.id)) m.recommendations.push(rec.id);
        const key = `${me}>${m.id}>${rec.id}`;
        if (args.rating === 'RATE_UP' || args.rating === 'RATE_DOWN') d.recommendationVotes.set(key, args.rating); else d.recommendationVotes.delete(key);
        return recommendationObj(m, rec.id, ctx);
      },
      // Absolute: the viewer's say is what is given (NO_VOTE takes it back).
      RateReview: (args, ctx) => {
        const me = viewerOf(ctx);
        const r = d.reviews.find((x) => x.id === args.reviewId);
        if (!r) throw new ApiError('Not Found.', 404);
        if (r.userId === me) throw new ApiError('You cannot rate your own review.', 400);
        const key = `${me}>${r.id}`;
        if (args.rating === 'UP_VOTE' || args.rating === 'DOWN_VOTE') d.reviewVotes.set(key, args.rating); else d.reviewVotes.delete(key);
        return reviewObj(r, ctx);
      },
      // The viewer's review of a title: new (one per member and title), or
      // with its id their own changed, every field given whole. AniList's
      // limits, its words.
      SaveReview: (args, ctx) => {
        const me = viewerOf(ctx);
        const mine = args.id != null ? d.reviews.find((r) => r.id === args.id) : null;
        if (args.id != null && !mine) throw new ApiError('validation', 400, { validation: { id: ['The selected id is invalid.'] } });
        if (mine && mine.userId !== me) throw new ApiError('Unauthorized.', 401);
        const validation = {};
        if (!mine && !mediaById(args.mediaId)) validation.mediaId = ['The selected media id is invalid.'];
        if (!mine && d.reviews.some((r) => r.userId === me && r.mediaId === args.mediaId)) validation.mediaId = ['You have already reviewed this media.'];
        const body = String(args.body ?? '').trim();
        const summary = String(args.summary ?? '').trim();
        if (body.length < 2200) validation.body = ['The body must be at least 2200 characters.'];
        if (summary.length < 20) validation.summary = ['The summary must be at least 20 characters.'];
        if (summary.length > 120) validation.summary = ['The summary may not be greater than 120 characters.'];
        if (args.score == null || args.score < 0 || args.score > 100) validation.score = ['The score must be between 0 and 100.'];
        if (Object.keys(validation).length) throw new ApiError('validation', 400, { validation });
        const now = Math.floor(Date.now() / 1000);
        const fields = { summary, source: body, body: postHtml(body), score: args.score, private: Boolean(args.private), updatedAt: now };
        if (mine) {
          Object.assign(mine, fields);
          return reviewObj(mine, ctx);
        }
        const r = { id: Math.max(...d.reviews.map((x) => x.id)) + 1, userId: me, mediaId: args.mediaId, rating: 0, ratingAmount: 0, createdAt: now, ...fields };
        d.reviews.push(r);
        return reviewObj(r, ctx);
      },
      // The viewer's own review, gone (and the members' say on it).
      DeleteReview: (args, ctx) => {
        const me = viewerOf(ctx);
        const i = d.reviews.findIndex((r) => r.id === args.id);
        if (i < 0) throw new ApiError('Not Found.', 404);
        if (d.reviews[i].userId !== me) throw new ApiError('Unauthorized.', 401);
        d.reviews.splice(i, 1);
        for (const k of [...d.reviewVotes.keys()]) if (k.endsWith(`>${args.id}`)) d.reviewVotes.delete(k);
        return { deleted: true };
      },
      // A status post by the viewer, on top of the feed.
      SaveTextActivity: (args, ctx) => {
        const me = viewerOf(ctx);
        // With an id: the viewer's own post, its text changed.
        if (args.id != null) {
          const y = d.activities.find((a) => a.id === args.id && a.type === 'TEXT');
          if (!y) throw new ApiError('Not Found.', 404);
          if (y.userId !== me) throw new ApiError('Unauthorized.', 401);
          Object.assign(y, postText(args.text), { createdAt: y.createdAt });
          return activityObj(y);
        }
        const x = { __typename: 'TextActivity', id: Math.max(...d.activities.map((a) => a.id)) + 1, type: 'TEXT', userId: me, ...postText(args.text), likeCount: 0, replyCount: 0, replies: [] };
        d.activities.push(x);
        return activityObj(x);
      },
      // A message by the viewer on another member's page; with an id, the
      // viewer's own message, its text (and privacy) changed.
      SaveMessageActivity: (args, ctx) => {
        const me = viewerOf(ctx);
        if (args.id != null) {
          const y = d.activities.find((a) => a.id === args.id && a.type === 'MESSAGE');
          if (!y) throw new ApiError('Not Found.', 404);
          if (y.messengerId !== me) throw new ApiError('Unauthorized.', 401);
          Object.assign(y, postText(args.message), { createdAt: y.createdAt, isPrivate: Boolean(args.private) });
          return activityObj(y);
        }
        if (!userObj(args.recipientId)) throw new ApiError('validation', 400, { validation: { recipientId: ['The selected recipient id is invalid.'] } });
        const x = { __typename: 'MessageActivity', id: Math.max(...d.activities.map((a) => a.id)) + 1, type: 'MESSAGE', messengerId: me, recipientId: args.recipientId,
          ...postText(args.message), isPrivate: Boolean(args.private), likeCount: 0, replyCount: 0, replies: [] };
        d.activities.push(x);
        return activityObj(x);
      },
      // A reply by the viewer, last under its activity.
      // The viewer subscribed to a thread, or not (as asked: twice is once).
      ToggleThreadSubscription: (args, ctx) => {
        const me = viewerOf(ctx);
        const t = d.threads.find((x) => x.id === args.threadId);
        if (!t) throw new ApiError('Not Found.', 404);
        const key = `${me}>subscribed:thread:${t.id}`;
        if (args.subscribe) d.likes.add(key); else d.likes.delete(key);
        return threadObj(t);
      },
      // A thread of the viewer's: begun (no id), or with an id their own,
      // changed (every field given). A title and a text are required, and
      // at least one known category.
      SaveThread: (args, ctx) => {
        const me = viewerOf(ctx);
        const refuse = (field, why) => { throw new ApiError('validation', 400, { validation: { [field]: [why] } }); };
        if (!args.title || !String(args.title).trim()) refuse('title', 'The title field is required.');
        const { source } = postText(args.body);
        const categories = args.categories ?? [];
        if (!categories.length) refuse('categories', 'The categories field is required.');
        if (categories.some((c) => !d.threadCategories.some((k) => k.id === c))) refuse('categories', 'The selected categories is invalid.');
        const mediaIds = (args.mediaCategories ?? []).filter((id) => mediaById(id));
        if (args.id != null) {
          const t = d.threads.find((x) => x.id === args.id);
          if (!t) throw new ApiError('Not Found.', 404);
          if (t.userId !== me) throw new ApiError('Unauthorized.', 401);
          Object.assign(t, { title: args.title, body: source, bodyHtml: markdownHtml(source), categoryIds: categories, mediaIds });
          return threadObj(t);
        }
        const at = Math.floor(Date.now() / 1000);
        const t = { id: Math.max(9000, ...d.threads.map((x) => x.id)) + 1, title: args.title, body: source, bodyHtml: markdownHtml(source), userId: me, replyUserId: null, replyCount: 0, viewCount: 0, isSticky: false, isLocked: false, createdAt: at, repliedAt: 0, mediaIds, categoryIds: categories };
        d.threads.push(t);
        return threadObj(t);
      },
      // The viewer's own thread, deleted with its comments (another time:
      // not found).
      DeleteThread: (args, ctx) => {
        const me = viewerOf(ctx);
        const t = d.threads.find((x) => x.id === args.id);
        if (!t) throw new ApiError('Not Found.', 404);
        if (t.userId !== me) throw new ApiError('Unauthorized.', 401);
        d.threads = d.threads.filter((x) => x !== t);
        d.threadComments = d.threadComments.filter((c) => c.threadId !== t.id);
        return { deleted: true };
      },
      // The viewer's own comment, deleted (another time: not found).
      DeleteThreadComment: (args, ctx) => {
        const me = viewerOf(ctx);
        const i = d.threadComments.findIndex((c) => c.id === args.id);
        if (i < 0) throw new ApiError('Not Found.', 404);
        if (d.threadComments[i].userId !== me) throw new ApiError('Unauthorized.', 401);
        const c = d.threadComments[i];
        const gone = withAnswers(c.id);
        d.threadComments = d.threadComments.filter((y) => !gone.includes(y.id));
        const t = d.threads.find((x) => x.id === c.threadId);
        if (t) t.replyCount -= gone.length;
        return { deleted: true };
      },
      // A new comment of the viewer's on a thread (not on a locked one);
      // with an id, the viewer's own, its text changed.
      SaveThreadComment: (args, ctx) => {
        const me = viewerOf(ctx);
        if (args.id != null) {
          const c = d.threadComments.find((y) => y.id === args.id);
          if (!c) throw new ApiError('Not Found.', 404);
          if (c.userId !== me) throw new ApiError('Unauthorized.', 401);
          const { source } = postText(args.comment);
          Object.assign(c, { comment: source, commentHtml: markdownHtml(source) });
          return commentObj(c);
        }
        const t = d.threads.find((x) => x.id === args.threadId);
        if (!t) throw new ApiError('Not Found.', 404);
        if (t.isLocked) throw new ApiError('This thread is locked.', 400);
        // An answer: to a comment of this thread.
        const parent = args.parentCommentId == null ? null : d.threadComments.find((y) => y.id === args.parentCommentId);
        if (args.parentCommentId != null && parent?.threadId !== t.id) throw new ApiError('Not Found.', 404);
        const { source, createdAt } = postText(args.comment);
        const c = { id: Math.max(50000, ...d.threadComments.map((y) => y.id)) + 1, threadId: t.id, parentCommentId: parent?.id ?? null, userId: me, comment: source, commentHtml: markdownHtml(source), likeCount: 0, createdAt };
        d.threadComments.push(c);
        t.replyCount += 1;
        return commentObj(c);
      },
      SaveActivityReply: (args, ctx) => {
        const me = viewerOf(ctx);
        // With an id: the viewer's own reply, its text changed.
        if (args.id != null) {
          const y = d.activities.flatMap((a) => (a.replies ?? []).map((r) => [a, r])).find(([, r]) => r.id === args.id);
          if (!y) throw new ApiError('Not Found.', 404);
          const [a, r] = y;
          if (r.userId !== me) throw new ApiError('Unauthorized.', 401);
          Object.assign(r, postText(args.text), { createdAt: r.createdAt });
          return { ...r, text: textOf(r), activityId: a.id, user: userObj(me), isLiked: false };
        }
        const x = d.activities.find((a) => a.id === args.activityId);
        if (!x) throw new ApiError('Not Found.', 404);
        const all = d.activities.flatMap((a) => a.replies ?? []);
        const r = { id: Math.max(90000, ...all.map((y) => y.id)) + 1, userId: me, ...postText(args.text), likeCount: 0 };
        x.replies = [...(x.replies ?? []), r];
        x.replyCount = x.replies.length;
        return { ...r, text: textOf(r), activityId: x.id, user: userObj(me), isLiked: false };
      },
      // The viewer's own activity, deleted (another time: not found).
      DeleteActivity: (args, ctx) => {
        const me = viewerOf(ctx);
        const i = d.activities.findIndex((a) => a.id === args.id);
        if (i < 0) throw new ApiError('Not Found.', 404);
        // A message: its writer's, or its recipient's (from their page), to delete.
        const x = d.activities[i];
        if (!(x.type === 'MESSAGE' ? [x.messengerId, x.recipientId] : [x.userId]).includes(me)) throw new ApiError('Unauthorized.', 401);
        d.activities.splice(i, 1);
        return { deleted: true };
      },
      DeleteActivityReply: (args, ctx) => {
        const me = viewerOf(ctx);
        const x = d.activities.find((a) => (a.replies ?? []).some((r) => r.id === args.id));
        if (!x) throw new ApiError('Not Found.', 404);
        if (x.replies.find((r) => r.id === args.id).userId !== me) throw new ApiError('Unauthorized.', 401);
        x.replies = x.replies.filter((r) => r.id !== args.id);
        x.replyCount = x.replies.length;
        return { deleted: true };
      },
      // Told of an activity's replies, or not: the state after it.
      // Pinned or not, as asked: the viewer's own post or list update only.
      ToggleActivityPin: (args, ctx) => {
        const me = viewerOf(ctx);
        const x = d.activities.find((a) => a.id === args.id && a.userId === me && a.type !== 'MESSAGE');
        if (!x) throw new ApiError('Not Found.', 404);
        x.isPinned = !!args.pinned;
        return activityObj(x);
      },
      ToggleActivitySubscription: (args, ctx) => {
        const me = viewerOf(ctx);
        const x = d.activities.find((a) => a.id === args.activityId);
        if (!x) throw new ApiError('Not Found.', 404);
        if (args.subscribe) d.subscriptions.add(`${me}>${x.id}`); else d.subscriptions.delete(`${me}>${x.id}`);
        return activityObj(x);
      },
      // A like, on or off: the activity with its count after it.
      ToggleLikeV2: (args, ctx) => {
        const me = viewerOf(ctx);
        const [list, obj, prefix] = {
          ACTIVITY: [d.activities, activityObj, ''],
          THREAD: [d.threads, threadObj, 'thread:'],
          THREAD_COMMENT: [d.threadComments, commentObj, 'comment:'],
        }[args.type] ?? [[], null, ''];
        const x = list.find((a) => a.id === args.id);
        if (!x) throw new ApiError('Not Found.', 404);
        const key = `${me}>${prefix}${x.id}`;
        x.likeCount ??= 0;
        if (d.likes.has(key)) { d.likes.delete(key); x.likeCount -= 1; } else { d.likes.add(key); x.likeCount += 1; }
        return { __typename: args.type === 'ACTIVITY' ? undefined : args.type === 'THREAD' ? 'Thread' : 'ThreadComment', ...obj(x) };
      },
      ToggleFollow: (args, ctx) => {
        const me = viewerOf(ctx);
        const u = userObj(args.userId);
        if (!u || args.userId === me) throw new ApiError('Not Found.', 404);
        const key = `${me}>${args.userId}`;
        if (d.follows.has(key)) d.follows.delete(key); else d.follows.add(key);
        return u;
      },
      // The viewer's options (only what is given changes); a new scoring
      // system needs nothing more: scores are kept on one scale and
      // answered in the user's system.
      UpdateUser: (args, ctx) => {
        const userId = viewerOf(ctx);
        if (userId !== d.viewer.id) throw new ApiError('Not Found.', 404);
        for (const k of ['titleLanguage', 'airingNotifications', 'displayAdultContent', 'profileColor', 'staffNameLanguage', 'restrictMessagesToFollowing', 'activityMergeTime', 'timezone']) {
          if (args[k] != null) d.viewer.options[k] = args[k];
        }
        // Kinds of notification and statuses' list activity: each given one set, by its type.
        for (const [k, flag] of [['notificationOptions', 'enabled'], ['disabledListActivity', 'disabled']]) {
          for (const given of args[k] ?? []) {
            if (!given?.type) continue;
            const had = d.viewer.options[k].find((o) => o.type === given.type);
            if (had) had[flag] = given[flag]; else d.viewer.options[k].push({ type: given.type, [flag]: given[flag] });
          }
        }
        // The bio, as written and as AniList renders it (empty: none).
        if (args.about != null) {
          d.viewer.about = args.about.trim() ? args.about : null;
          d.viewer.aboutHtml = args.about.trim() ? markdownHtml(args.about) : null;
        }
        if (args.scoreFormat != null) d.viewer.mediaListOptions.scoreFormat = args.scoreFormat;
        if (args.rowOrder != null) d.viewer.mediaListOptions.rowOrder = args.rowOrder;
        // A kind's order of lists, split of its completed list, advanced
        // scoring and custom lists as given; a list no longer named is taken off that kind's
        // entries.
        for (const [arg, key, type] of [['animeListOptions', 'animeList', 'ANIME'], ['mangaListOptions', 'mangaList', 'MANGA']]) {
          const order = args[arg]?.sectionOrder;
          if (order) d.viewer.mediaListOptions[key] = { ...(d.viewer.mediaListOptions[key] ?? {}), sectionOrder: order.filter((n) => n) };
          const split = args[arg]?.splitCompletedSectionByFormat;
          if (split != null) d.viewer.mediaListOptions[key] = { ...(d.viewer.mediaListOptions[key] ?? {}), splitCompletedSectionByFormat: split };
          // Advanced scoring: on or off, and its sections (the scores
          // given stay on the entries, under their sections' names).
          const on = args[arg]?.advancedScoringEnabled;
          if (on != null) d.viewer.mediaListOptions[key] = { ...(d.viewer.mediaListOptions[key] ?? {}), advancedScoringEnabled: on };
          const sections = args[arg]?.advancedScoring;
          if (sections) d.viewer.mediaListOptions[key] = { ...(d.viewer.mediaListOptions[key] ?? {}), advancedScoring: sections.filter((n) => n) };
          const given = args[arg]?.customLists;
          if (!given) continue;
          const names = given.filter((n) => n);
          d.viewer.mediaListOptions[key] = { ...(d.viewer.mediaListOptions[key] ?? {}), customLists: names };
          for (const e of d.entries) {
            if (e.userId === userId && mediaById(e.mediaId)?.type === type && e.customLists) e.customLists = e.customLists.filter((n) => names.includes(n));
          }
        }
        return userObj(userId);
      },
      DeleteMediaListEntry: (args, ctx) => {
        const userId = viewerOf(ctx);
        const i = d.entries.findIndex((x) => x.id === args.id && x.userId === userId);
        if (i < 0) return { deleted: false };
        d.entries.splice(i, 1);
        return { deleted: true };
      },
    };
  }
}

/** The arguments given to a list field of `Page` (`media`, …) in this query. */
function pageListArgs(info, fieldName) {
  const sel = info.fieldNodes[0].selectionSet?.selections.find((s) => s.kind === 'Field' && s.name.value === fieldName);
  if (!sel) return null;
  const defs = info.schema.getType('Page').getFields()[fieldName].args;
  const out = {};
  for (const a of sel.arguments ?? []) {
    const def = defs.find((x) => x.name === a.name.value);
    out[a.name.value] = valueFromAST(a.value, def.type, info.variableValues);
  }
  return out;
}

const SCORE_MAX = { POINT_100: 100, POINT_10_DECIMAL: 10, POINT_10: 10, POINT_5: 5, POINT_3: 3 };

/** A score given in the user's format, on the kept 10-point scale. */
function scoreFromFormat(score, format) {
  switch (format) {
    case 'POINT_100': return score / 10;
    case 'POINT_5': return score * 2;
    case 'POINT_3': return score === 0 ? 0 : [0, 3, 6, 9][Math.round(score)] ?? 9;
    default: return score;
  }
}

function convertScore(score, format) {
  switch (format) {
    case 'POINT_100': return Math.round(score * 10);
    case 'POINT_10': return Math.round(score);
    case 'POINT_5': return Math.round(score / 2);
    case 'POINT_3': return score === 0 ? 0 : score >= 7.5 ? 3 : score >= 4 ? 2 : 1;
    default: return score;
  }
}

/** AniList's error shape: { message, status, locations, validation? }. */
function formatError(e, status) {
  const out = { message: e.message, status };
  out.locations = (e.locations ?? []).map(({ line, column }) => ({ line, column }));
  const validation = e.originalError?.extensions?.validation ?? e.extensions?.validation;
  if (validation) out.validation = validation;
  return out;
}

export async function startStandIn(options = {}) {
  const s = new StandIn(options);
  await s.listen(options.port ?? 0);
  return s;
}

// Run by hand: node tests/e2e/stand-in/server.mjs [port] [redirect-url]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 4000);
  const redirect = process.argv[3] ?? 'http://127.0.0.1:8080/';
  const s = await startStandIn({ port, clients: { [DEFAULT_CLIENT_ID]: redirect } });
  console.log(`Stand-in AniList on ${s.origin} (schema: ${s.schemaFile})`);
  console.log(`Client ${DEFAULT_CLIENT_ID} redirects to ${redirect}. Put this in public/config.json:`);
  console.log(JSON.stringify({ client_id: DEFAULT_CLIENT_ID, authorize_url: s.authorizeUrl, graphql_url: s.graphqlUrl }, null, 2));
}
