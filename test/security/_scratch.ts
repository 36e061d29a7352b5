import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const dir = mkdtempSync(join(tmpdir(), 'scr-'));
const proc = spawn(process.execPath, ['dist/main/web.mjs', '--data-dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
proc.stderr.on('data', (d) => process.stderr.write('[web err] ' + d));
const port = await new Promise<number>((res) => { let s = ''; proc.stdout.on('data', (d) => { s += d; const m = /127\.0\.0\.1:(\d+)/.exec(s); if (m) res(Number(m[1])); }); });
function raw(bytes: Buffer | string, endAfter = false, wait = 3000): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []; let done = false;
    const s = connect(port, '127.0.0.1', () => { s.write(bytes); if (endAfter) s.end(); });
    const fin = (why: string) => { if (done) return; done = true; clearTimeout(t); s.destroy(); resolve(why + ' | ' + Buffer.concat(chunks).toString('latin1').slice(0, 300).replace(/\r\n/g, ' \\n ')); };
    s.on('data', (c) => chunks.push(c)); s.on('end', () => fin('END')); s.on('close', () => fin('CLOSE')); s.on('error', (e) => fin('ERR ' + e.message));
    const t = setTimeout(() => fin('TIMEOUT'), wait);
  });
}
const H = `Host: 127.0.0.1:${port}\r\n`;
const cases: [string, string | Buffer, boolean?][] = [
  ['pct', `GET /% HTTP/1.1\r\n${H}\r\n`],
  ['pct2', `GET /%E0%A4%A HTTP/1.1\r\n${H}\r\n`],
  ['zz', `POST /api/%ZZ HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`],
  ['nul', Buffer.from(`GET /a\0b HTTP/1.1\r\n${H}\r\n`)],
  ['hugehdr', `GET / HTTP/1.1\r\n${H}X-Big: ${'a'.repeat(20000)}\r\n\r\n`],
  ['badver', `GET / HTTP/9.9\r\n${H}\r\n`],
  ['badver2', `GET / HTTX/1.1\r\n${H}\r\n`],
  ['absolute', `GET http://evil/ HTTP/1.1\r\n${H}\r\n`],
  ['absolute-nohost', `GET http://evil/ HTTP/1.1\r\n\r\n`],
  ['absolute-api', `POST http://evil.example/api/station.info HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`],
  ['options', `OPTIONS /api/children.list HTTP/1.1\r\n${H}\r\n`],
  ['options*', `OPTIONS * HTTP/1.1\r\n${H}\r\n`],
  ['delete', `DELETE /api/children.list HTTP/1.1\r\n${H}\r\n`],
  ['trace', `TRACE / HTTP/1.1\r\n${H}\r\n`],
  ['duphost-good-first', `GET / HTTP/1.1\r\n${H}Host: evil.example\r\n\r\n`],
  ['duphost-evil-first', `GET / HTTP/1.1\r\nHost: evil.example\r\n${H}\r\n`],
  ['nohost', `GET / HTTP/1.1\r\n\r\n`],
  ['clmismatch-end', `POST /api/station.info HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{}`, true],
  ['clmismatch-open', `POST /api/station.info HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{}`],
  ['chunked-bad', `POST /api/station.info HTTP/1.1\r\n${H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`],
  ['cl+te', `POST /api/station.info HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`],
  ['trav1', `GET /..%2f..%2fetc%2fpasswd HTTP/1.1\r\n${H}\r\n`],
  ['trav2', `GET /api/../../etc/passwd HTTP/1.1\r\n${H}\r\n`],
  ['trav3', `GET /../../etc/passwd HTTP/1.1\r\n${H}\r\n`],
  ['trav4', `GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n${H}\r\n`],
  ['trav5', `GET /..\\..\\etc\\passwd HTTP/1.1\r\n${H}\r\n`],
  ['garbage', `\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03`],
  ['http10-nohost', `GET / HTTP/1.0\r\n\r\n`],
];
for (const [name, bytes, endAfter] of cases) console.log(name.padEnd(20), await raw(bytes, endAfter));
console.log('alive', proc.exitCode);
proc.kill();
