// The AniList schema for the tests.
//
//   node tools/schema.mjs check   prints where the schema is, or says where
//                                 it was looked for and exits with 3
//   node tools/schema.mjs fetch   asks the real AniList for its schema by
//                                 introspection and writes it as SDL to
//                                 target/anilist-schema.graphql (make schema)
//
// `fetch` is for contributors with a network; the tests never call it.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';
import { findSchema, schemaCandidates } from '../stand-in/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(HERE, '../../../target/anilist-schema.graphql');
const ANILIST = 'https://graphql.anilist.co';

const [command] = process.argv.slice(2);
if (command === 'check') {
  const found = findSchema();
  if (found) {
    console.log(found);
  } else {
    console.log(`looked at: ${schemaCandidates().join(', ')}`);
    process.exit(3);
  }
} else if (command === 'fetch') {
  const response = await fetch(ANILIST, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`AniList answered HTTP ${response.status} with something that is not JSON`);
  }
  if (!body.data) throw new Error(`AniList answered HTTP ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  const sdl = printSchema(buildClientSchema(body.data));
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${sdl}\n`);
  console.log(`wrote ${OUT} (${sdl.length.toLocaleString('en-US')} characters)`);
} else {
  console.error('usage: node tools/schema.mjs check|fetch');
  process.exit(2);
}
