// The stand-in speaks AniList's protocol: these tests hold it to that, so
// the browser tests that rely on it mean something.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startStandIn, DEFAULT_CLIENT_ID, TOKEN_LIFETIME } from '../stand-in/server.mjs';
import { VIEWER_ID } from '../stand-in/fixtures.mjs';

const REDIRECT = 'http://127.0.0.1:9/app/';
let s;

before(async () => {
  s = await startStandIn({ clients: { [DEFAULT_CLIENT_ID]: REDIRECT }, rateLimit: 30 });
});
after(() => s.close());
beforeEach(() => s.reset());

const decode = (seg) => JSON.parse(Buffer.from(seg, 'base64url').toString('utf8'));

async function authorize(query) {
  const res = await fetch(`${s.authorizeUrl}?${new URLSearchParams(query)}`, { redirect: 'manual' });
  return res;
}

async function gql(query, { token, variables, headers = {}, raw } = {}) {
  const res = await fetch(s.graphqlUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json', Accept: 'application/json', Origin: 'http://127.0.0.1:9',
      ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers,
    },
    body: raw ?? JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { res, status: res.status, json, text };
}

test('authorize redirects with an AniList-shaped RS256 token in the fragment, echoing state', async () => {
  const res = await authorize({ client_id: DEFAULT_CLIENT_ID, response_type: 'token', state: 'abc123' });
  assert.equal(res.status, 302);
  const loc = new URL(res.headers.get('location'));
  assert.equal(`${loc.origin}${loc.pathname}`, REDIRECT);
  assert.equal(loc.search, '');
  const frag = new URLSearchParams(loc.hash.slice(1));
  assert.equal(frag.get('token_type'), 'Bearer');
  assert.equal(frag.get('expires_in'), String(TOKEN_LIFETIME));
  assert.equal(frag.get('state'), 'abc123');
  const [h, p, sig] = frag.get('access_token').split('.');
  assert.ok(sig.length > 300, 'an RSA-2048 signature');
  const header = decode(h);
  assert.equal(header.alg, 'RS256');
  assert.equal(header.typ, 'JWT');
  const claims = decode(p);
  assert.equal(claims.aud, DEFAULT_CLIENT_ID);
  assert.equal(claims.sub, String(VIEWER_ID));
  assert.match(claims.jti, /^[0-9a-f]{80}$/);
  assert.equal(header.jti, claims.jti);
  assert.equal(claims.exp - claims.iat, TOKEN_LIFETIME);
  assert.equal(claims.nbf, claims.iat);
  assert.deepEqual(claims.scopes, []);
  assert.ok(Math.abs(claims.iat - Date.now() / 1000) < 5);
});

test('authorize without state sends none back; an unknown client or grant type is refused like AniList', async () => {
  const res = await authorize({ client_id: DEFAULT_CLIENT_ID, response_type: 'token' });
  assert.equal(new URLSearchParams(new URL(res.headers.get('location')).hash.slice(1)).get('state'), null);
  const bad = await authorize({ client_id: '999', response_type: 'token' });
  assert.equal(bad.status, 401);
  assert.equal((await bad.json()).error, 'invalid_client');
  const grant = await authorize({ client_id: DEFAULT_CLIENT_ID, response_type: 'id_token' });
  assert.equal(grant.status, 400);
  assert.equal((await grant.json()).error, 'unsupported_grant_type');
});

test('authorize fault switches: access_denied, no state, another state, the code grant', async () => {
  s.authorizeNext({ deny: true });
  let frag = new URLSearchParams(new URL((await authorize({ client_id: DEFAULT_CLIENT_ID, response_type: 'token', state: 'x' })).headers.get('location')).hash.slice(1));
  assert.equal(frag.get('error'), 'access_denied');
  assert.ok(frag.get('error_description'));
  assert.equal(frag.get('access_token'), null);
  assert.equal(frag.get('state'), 'x');

  s.authorizeNext({ echoState: false });
  frag = new URLSearchParams(new URL((await authorize({ client_id: DEFAULT_CLIENT_ID, response_type: 'token', state: 'x' })).headers.get('location')).hash.slice(1));
  assert.ok(frag.get('access_token'));
  assert.equal(frag.get('state'), null);

  s.authorizeNext({ state: 'forged' });
  frag = new URLSearchParams(new URL((await authorize({ client_id: DEFAULT_CLIENT_ID, response_type: 'token', state: 'x' })).headers.get('location')).hash.slice(1));
  assert.equal(frag.get('state'), 'forged');

  const code = new URL((await authorize({ client_id: DEFAULT_CLIENT_ID, response_type: 'code' })).headers.get('location'));
  assert.match(code.search, /^\?code=[0-9a-f]{32}$/);
  assert.equal(code.hash, '');
  assert.equal(s.authorizeRequests.length, 4);
});

test('GraphQL answers Viewer for a good token, with rate-limit and CORS headers', async () => {
  const token = s.issueToken();
  const { status, json, res } = await gql('query { Viewer { id name about options { titleLanguage } mediaListOptions { scoreFormat } } }', { token });
  assert.equal(status, 200, JSON.stringify(json));
  assert.equal(json.data.Viewer.id, VIEWER_ID);
  assert.equal(json.data.Viewer.name, 'Mitsuki');
  assert.equal(res.headers.get('x-ratelimit-limit'), '30');
  assert.equal(res.headers.get('x-ratelimit-remaining'), '29');
  assert.equal(res.headers.get('access-control-allow-origin'), 'http://127.0.0.1:9');
  assert.match(res.headers.get('access-control-expose-headers'), /X-RateLimit-Remaining/);
  const seen = s.graphqlRequests()[0];
  assert.equal(seen.authorization, `Bearer ${token}`);
});

test('CORS preflight allows the Authorization header', async () => {
  const res = await fetch(s.graphqlUrl, {
    method: 'OPTIONS',
    headers: { Origin: 'http://127.0.0.1:9', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
  });
  assert.equal(res.status, 204);
  assert.match(res.headers.get('access-control-allow-headers'), /Authorization/);
  assert.match(res.headers.get('access-control-allow-methods'), /POST/);
});

test('a bad, forged, expired or revoked token is HTTP 400 "Invalid token"', async () => {
  const good = s.issueToken();
  const [h, p] = good.split('.');
  const forgedPayload = Buffer.from(JSON.stringify({ ...decode(p), sub: '1' })).toString('base64url');
  const expired = s.issueToken({ iat: Math.floor(Date.now() / 1000) - TOKEN_LIFETIME - 10 });
  const revoked = s.issueToken();
  s.revoke(revoked);
  for (const token of ['garbage', `${h}.${forgedPayload}.${good.split('.')[2]}`, expired, revoked]) {
    const { status, json } = await gql('{ Viewer { id } }', { token });
    assert.equal(status, 400, token.slice(0, 20));
    assert.equal(json.errors[0].message, 'Invalid token');
    assert.equal(json.data, null);
  }
  const noBearer = await gql('{ Viewer { id } }', { headers: { Authorization: good } });
  assert.equal(noBearer.status, 400);
});

test('Viewer without a token is 401 Unauthorized; public queries work without one', async () => {
  const v = await gql('{ Viewer { id } }');
  assert.equal(v.status, 401);
  assert.equal(v.json.errors[0].message, 'Unauthorized.');
  const m = await gql('query ($id: Int) { Media(id: $id) { id title { romaji english } } }', { variables: { id: 1 } });
  assert.equal(m.status, 200);
  assert.equal(m.json.data.Media.title.english, 'Cowboy Bebop');
});

test('every query is validated against the real schema, with locations', async () => {
  const bad = await gql('query {\n  Viewer {\n    id\n    nope\n  }\n}', { token: s.issueToken() });
  assert.equal(bad.status, 400);
  assert.match(bad.json.errors[0].message, /Cannot query field "nope" on type "User"/);
  assert.deepEqual(bad.json.errors[0].locations, [{ line: 4, column: 5 }]);
  const syntax = await gql('query { Viewer { id }');
  assert.equal(syntax.status, 400);
  assert.match(syntax.json.errors[0].message, /Syntax Error/);
  const wrongArg = await gql('{ Media(id: "one") { id } }');
  assert.equal(wrongArg.status, 400);
  const notJson = await gql(null, { raw: '{nope' });
  assert.equal(notJson.status, 400);
});

test('lists, search pages and mutations work on the fixture data', async () => {
  const token = s.issueToken();
  const lists = await gql('query ($u: Int, $t: MediaType) { MediaListCollection(userId: $u, type: $t) { lists { name status isCustomList entries { id progress score media { id episodes title { userPreferred } } } } } }', { token, variables: { u: VIEWER_ID, t: 'ANIME' } });
  assert.equal(lists.status, 200, JSON.stringify(lists.json));
  const groups = lists.json.data.MediaListCollection.lists;
  assert.deepEqual(groups.map((g) => g.status), ['CURRENT', 'COMPLETED', 'PAUSED', 'DROPPED', 'PLANNING', null]);
  assert.deepEqual(groups.map((g) => g.isCustomList), [false, false, false, false, false, true]);
  assert.equal(groups[5].name, 'Favourites');
  assert.equal(groups[0].name, 'Watching');
  const bebop = groups[0].entries[0];
  assert.equal(bebop.media.title.userPreferred, 'Cowboy Bebop');

  const page1 = await gql('query ($p: Int) { Page(page: $p, perPage: 10) { pageInfo { hasNextPage currentPage } media(search: "star of", type: ANIME) { id } } }', { variables: { p: 1 } });
  assert.equal(page1.json.data.Page.media.length, 10);
  assert.equal(page1.json.data.Page.pageInfo.hasNextPage, true);
  const page3 = await gql('query ($p: Int) { Page(page: $p, perPage: 10) { media(search: "star of", type: ANIME) { id } pageInfo { hasNextPage } } }', { variables: { p: 3 } });
  assert.equal(page3.json.data.Page.media.length, 3);
  assert.equal(page3.json.data.Page.pageInfo.hasNextPage, false);

  const save = await gql('mutation ($id: Int, $p: Int) { SaveMediaListEntry(id: $id, progress: $p) { id progress status } }', { token, variables: { id: bebop.id, p: 13 } });
  assert.equal(save.status, 200, JSON.stringify(save.json));
  assert.equal(save.json.data.SaveMediaListEntry.progress, 13);
  const tooFar = await gql('mutation ($id: Int, $p: Int) { SaveMediaListEntry(id: $id, progress: $p) { id } }', { token, variables: { id: bebop.id, p: 99 } });
  assert.equal(tooFar.status, 400);
  assert.equal(tooFar.json.errors[0].message, 'validation');
  assert.match(tooFar.json.errors[0].validation.progress[0], /greater than 26/);
  const anon = await gql('mutation { DeleteMediaListEntry(id: 700001) { deleted } }');
  assert.equal(anon.status, 401);
  const del = await gql('mutation { DeleteMediaListEntry(id: 700001) { deleted } }', { token });
  assert.equal(del.json.data.DeleteMediaListEntry.deleted, true);
});

test('fault switches: 429 with Retry-After, 5xx, non-JSON, dropped, slow, 403', async () => {
  s.fault({ kind: '429', retryAfter: 7 });
  let r = await gql('{ Media(id: 1) { id } }');
  assert.equal(r.status, 429);
  assert.equal(r.res.headers.get('retry-after'), '7');
  assert.equal(r.json.errors[0].message, 'Too Many Requests.');
  assert.ok(Number(r.res.headers.get('x-ratelimit-reset')) > Date.now() / 1000);

  s.fault({ kind: '429', cors: false });
  r = await gql('{ Media(id: 1) { id } }');
  assert.equal(r.status, 429);
  assert.equal(r.res.headers.get('access-control-allow-origin'), null);

  s.fault({ kind: '500' });
  assert.equal((await gql('{ Media(id: 1) { id } }')).status, 500);
  s.fault({ kind: '503' });
  r = await gql('{ Media(id: 1) { id } }');
  assert.equal(r.status, 503);
  assert.equal(r.json, null);
  s.fault({ kind: 'not-json' });
  r = await gql('{ Media(id: 1) { id } }');
  assert.equal(r.status, 200);
  assert.equal(r.json, null);
  s.fault({ kind: '403' });
  r = await gql('{ Media(id: 1) { id } }');
  assert.equal(r.status, 403);
  assert.match(r.json.errors[0].message, /temporarily disabled/);
  s.fault({ kind: 'drop' });
  await assert.rejects(gql('{ Media(id: 1) { id } }'));
  s.fault({ kind: 'slow', delayMs: 300 });
  const t0 = Date.now();
  r = await gql('{ Media(id: 1) { id } }');
  assert.equal(r.status, 200);
  assert.ok(Date.now() - t0 >= 290);
  // Faults are one-shot: the next request is answered normally.
  assert.equal((await gql('{ Media(id: 1) { id } }')).status, 200);
});

test('the rate limit is enforced: past the limit a minute, HTTP 429', async () => {
  const statuses = [];
  for (let i = 0; i < 32; i++) statuses.push((await gql('{ Media(id: 1) { id } }')).status);
  assert.deepEqual(statuses.slice(0, 30), Array(30).fill(200));
  assert.deepEqual(statuses.slice(30), [429, 429]);
});
