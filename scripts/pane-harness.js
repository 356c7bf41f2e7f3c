/**
 * What the pane's e2e tests and its bench share: make sure dist/ is built, serve it on 127.0.0.1 with a tiny
 * static server, and launch headless Chromium (Debian's /usr/bin/chromium through playwright-core) with every
 * non-loopback request blocked, so office.js from the CDN fails and the page must start standalone.
 * Plain CommonJS so scripts/bench-pane.js can require it; types in pane-harness.d.ts.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

/**
 * dist/taskpane.html must exist. Builds once when it is missing (or when REBUILD=1); a failed build throws with
 * the build's own last lines, not a timeout later on.
 */
function ensureBuilt({ force = process.env.REBUILD === '1' } = {}) {
  const page = path.join(DIST, 'taskpane.html');
  if (!force && fs.existsSync(page)) return page;
  const run = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 10 * 60 * 1000 });
  if (run.status !== 0 || !fs.existsSync(page)) {
    const tail = `${run.stdout || ''}\n${run.stderr || ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`npm run build failed, so there is no dist/taskpane.html to test:\n${tail}`);
  }
  return page;
}

/** Serves `dir` on 127.0.0.1 at a free port. Only GET/HEAD of files inside `dir`. */
function serveDir(dir = DIST) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://127.0.0.1');
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function isLoopback(url) {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    // data:, blob: and the like never leave the machine.
    return /^(data|blob|about):/.test(url);
  }
}

/**
 * Headless Chromium with a throwaway profile; every request to anything but loopback is aborted and recorded.
 * Returns the context, a page, the blocked URLs, and close().
 */
async function launchOffline({ locale = 'ko-KR', viewport = { width: 420, height: 900 }, block = 'route' } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const { chromium } = require('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'report-tables-chromium-'));
  // 'resolver': no host but loopback resolves, at no cost per request (for timing); 'route': every request is
  // seen, and recorded when blocked (for tests), at the price of a round trip to this process per request.
  const resolverRules = block === 'resolver' ? ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...resolverRules],
    locale,
    viewport,
  });
  const blocked = [];
  if (block === 'route') {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
  }
  const page = context.pages()[0] || (await context.newPage());
  return {
    context,
    page,
    blocked,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = { ROOT, DIST, CHROMIUM, CHROMIUM_ARGS, ensureBuilt, serveDir, launchOffline, isLoopback };
