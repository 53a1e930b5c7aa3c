import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main, scanJsonLines, scanText } from '../../utils/cli/scan';

function run(args: string[]) {
  let out = '';
  let err = '';
  const io = {
    out: { write: (s: string) => (out += s) },
    err: { write: (s: string) => (err += s) },
  };
  const code = main(args, io);
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'scan-test-'));

describe('scan command', () => {
  it('scans a page under the given URL with the site adapter', () => {
    const { code, out, err } = run(['--url', 'https://x.com/jane', 'tests/fixtures/x/profile-other.html']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      { site: 'x', metric: 'following', value: 75, approximate: false, own: false, text: '75 Following', via: 'hook' },
      { site: 'x', metric: 'followers', value: 12300, approximate: true, own: false, text: '12.3K Followers', via: 'hook' },
    ]);
  });

  it('uses the generic detector for unknown hosts and files without a URL', () => {
    const file = join(tmp, 'page.html');
    writeFileSync(
      file,
      '<html lang="en"><body><div><a href="/jane/verified_followers"><span>12.3K</span> <span>Followers</span></a></div></body></html>',
    );
    expect(JSON.parse(run([file]).out)).toEqual([
      { site: 'generic', metric: 'followers', value: 12300, approximate: true, own: false, text: '12.3K Followers', via: 'generic' },
    ]);
    expect(JSON.parse(run(['--url', 'https://x.com/jane', file]).out)[0].site).toBe('x');
  });

  it('takes the URL from a saved page’s canonical link when --url is absent', () => {
    const file = join(tmp, 'saved.html');
    writeFileSync(
      file,
      '<html lang="en"><head><link rel="canonical" href="https://x.com/jane"></head><body><a ' +
        'href="/jane/following"><span>75</span> <span>Following</span></a></body></html>',
    );
    expect(JSON.parse(run([file]).out)).toEqual([
      { site: 'x', metric: 'following', value: 75, approximate: false, own: false, text: '75 Following', via: 'hook' },
    ]);
  });

  it('scans a malformed page without crashing', () => {
    const file = join(tmp, 'broken.html');
    writeFileSync(file, '<html><body><div><a href="/a/followers"><span>12K</span> Followers<div></span></table>\u0000<<<>');
    const { code, out } = run(['--url', 'https://x.com/a', file]);
    expect(code).toBe(0);
    expect(Array.isArray(JSON.parse(out))).toBe(true);
  });

  it('scans a bare string with --text and --lang', () => {
    expect(JSON.parse(run(['--text', '1,2 Mio. Abonnenten', '--lang', 'de']).out)).toEqual([
      {
        site: 'generic',
        metric: 'subscribers',
        value: 1200000,
        approximate: true,
        own: false,
        text: '1,2 Mio. Abonnenten',
        via: 'generic',
      },
    ]);
    expect(JSON.parse(run(['--text=I just hit 10K followers!']).out)).toEqual([]);
    expect(scanText('1.234 seguidores', 'pt')[0]?.value).toBe(1234);
  });

  it('scans JSON lines in order, one array per line, and survives bad lines', () => {
    const warnings: string[] = [];
    const lines = scanJsonLines(
      [
        '{"text":"12,3 тыс. подписчиков","lang":"ru"}',
        'not json',
        '',
        '{"text":"12.3K followers"}',
        '{"text":5}',
        '{"text":"1,2 k abonnés","lang":"bad tag!"}',
        '',
      ].join('\n'),
      (w) => warnings.push(w),
    );
    expect(lines).toHaveLength(6);
    expect(JSON.parse(lines[0] ?? '')[0]).toMatchObject({ metric: 'followers', value: 12300 });
    expect(lines[1]).toBe('[]');
    expect(lines[2]).toBe('[]');
    expect(JSON.parse(lines[3] ?? '')[0]).toMatchObject({ value: 12300 });
    expect(lines[4]).toBe('[]');
    expect(JSON.parse(lines[5] ?? '')[0]).toMatchObject({ value: 1200 });
    expect(warnings.map((w) => w.split(':')[0])).toEqual(['line 2', 'line 5', 'line 6']);
  });

  it.each([
    [[], 'nothing to scan'],
    [['--url'], '--url needs a value'],
    [['--bogus', 'a.html'], 'unknown option --bogus'],
    [['a.html', 'b.html'], 'one FILE.html at a time'],
    [['--text', 'x', 'a.html'], 'only one of'],
    [['--url', 'not a url', 'a.html'], 'not an absolute URL'],
    [['--lang', '!!', '--text', '1'], 'not a language tag'],
    [['/nonexistent/page.html'], 'cannot read /nonexistent/page.html: no such file'],
    [['tests'], 'is a directory'],
    [['--texts', '/nonexistent.jsonl'], 'cannot read'],
  ])('bad arguments %j: one line on stderr, exit code 2', (args, message) => {
    const { code, out, err } = run(args as string[]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('runs as `npm run --silent scan` and prints only JSON', { timeout: 20_000 }, async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'scan', '--', '--text', '500+ connections'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(stdout)).toEqual([
      { site: 'generic', metric: 'connections', value: 500, approximate: true, own: false, text: '500+ connections', via: 'generic' },
    ]);
  });
});
