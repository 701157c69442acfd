// Runs the token-exchange service (exchange/, built by `cargo build -p
// tsuzuki-exchange`) on loopback for the code-grant tests.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO } from './harness.mjs';

export const EXCHANGE_BIN = process.env.EXCHANGE_BIN ?? path.join(REPO, 'target/debug/tsuzuki-exchange');

/** Starts it; resolves with { url (its /token), origin, log (its lines), close }. */
export function startExchange({ tokenUrl, clientId, secret, redirect, origins, rate = 100 }) {
  const child = spawn(EXCHANGE_BIN, [], {
    env: {
      PATH: process.env.PATH,
      EXCHANGE_ADDR: '127.0.0.1:0',
      EXCHANGE_TOKEN_URL: tokenUrl,
      EXCHANGE_CLIENT_ID: clientId,
      EXCHANGE_CLIENT_SECRET: secret,
      EXCHANGE_REDIRECT_URI: redirect,
      EXCHANGE_ALLOWED_ORIGINS: origins.join(','),
      EXCHANGE_RATE_PER_MINUTE: String(rate),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log = [];
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`the exchange did not start: ${log.join('\n')}`)), 15000);
    child.on('error', (e) => { clearTimeout(timer); reject(new Error(`${EXCHANGE_BIN}: ${e.message} (make e2e builds it)`)); });
    child.stderr.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        log.push(line);
        const m = /listening on (http:\/\/\S+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve({
            origin: m[1], url: `${m[1]}/token`, log,
            close: () => new Promise((done) => { child.once('exit', done); child.kill(); }),
          });
        }
      }
    });
  });
}
