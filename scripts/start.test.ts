import { spawnSync } from 'child_process';
import * as path from 'path';

const start = path.join(__dirname, 'start.js');

/** Runs start.js as if on `platform` (a preload overrides process.platform), so the test means the same on any OS. */
function runAs(platform: string) {
  const preload = `Object.defineProperty(process, 'platform', { value: ${JSON.stringify(platform)} });`;
  return spawnSync(process.execPath, ['-e', `${preload} require(${JSON.stringify(start)}).main()`], { encoding: 'utf8' });
}

describe('npm start without desktop Excel', () => {
  it.each(['linux', 'freebsd'])('on %s prints one line pointing to start:web and the standalone page, exits 1', (platform) => {
    const result = runAs(platform);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`no desktop Excel on ${platform}`);
    expect(lines[0]).toContain('npm run start:web');
    expect(lines[0]).toContain('npm run dev-server');
    expect(lines[0]).toContain('https://localhost:3000/taskpane.html');
  });
});
