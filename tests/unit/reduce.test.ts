/**
 * The reducer (utils/cli/reduce.ts): a saved page in, a fixture out — the path to each count with the
 * site's tags, attributes and nesting, the numbers and label words kept, personal words and handles
 * replaced, everything else dropped; and a fixture that reads exactly as the page did.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';
import { reduceHtml } from '../../utils/cli/reduce';
import { parseWith } from './fixture-dom';

const PAGE =
  `<!DOCTYPE html><html lang="en"><head><title>Margarethe Okonkwo (@grete_ok) / X</title>
<script>window.__STATE__ = {"user":"grete_ok","email":"grete@example.com"}</script>
<style>.r-1 { color: red }</style><link rel="stylesheet" href="https://cdn.example/app.css">
<link rel="canonical" href="https://x.com/grete_ok"></head>
<body><div id="react-root"><main role="main"><div data-testid="primaryColumn">
  <div><div data-testid="UserAvatar-Container-grete_ok"><img src="https://pbs.example/grete.jpg" alt="Margarethe in Lisbon"></div>
  <div data-testid="UserName"><span>Margarethe Okonkwo</span><span>@grete_ok</span></div></div>
  <div data-testid="UserDescription">Baker in Lisbon. 10K followers by June! Call 555 0100.</div>
  <div class="css-1 r-abc"><a href="/grete_ok/following" role="link"><span><span>75</span>` +
  `</span> <span><span>Following</span></span></a></div>
  <div class="css-1 r-abc"><a href="/grete_ok/verified_followers" role="link"><span><span>` +
  `12.3K</span></span> <span><span>Followers</span></span></a></div>
  <div><a href="/settings/profile" data-testid="editProfileButton"><span>Edit profile</span></a></div>
  <section aria-label="Timeline"><article><a href="/someone_else">Someone Else</a> wrote about 5,000 subscribers</article></section>
</div></main></div><!-- build 123 --></body></html>`;

describe('reduceHtml', () => {
  const reduced = reduceHtml(PAGE, { url: 'https://x.com/grete_ok', around: 1, keep: ['[data-testid="UserName"]'] });

  it('keeps the counts with their hooks, nesting and label words, and the address with the handle replaced', () => {
    expect(reduced.url).toBe('https://x.com/user1');
    expect(reduced.html).toContain('href="/user1/verified_followers"');
    expect(reduced.html).toContain('data-testid="primaryColumn"');
    expect(reduced.html).toContain('class="css-1 r-abc"');
    expect(reduced.targets).toEqual(expect.arrayContaining(['75 Following', '12.3K Followers', 'Edit profile']));
  });

  it('reads exactly as the page did', () => {
    const url = 'https://x.com/user1';
    const summary = (html: string, at: string) =>
      detect(parseWith('linkedom', html, at), at).map(({ metric, value, approximate, own, text, via }) => ({
        metric,
        value,
        approximate,
        own,
        text,
        via,
      }));
    expect(summary(reduced.html, url)).toEqual(summary(PAGE, 'https://x.com/grete_ok'));
  });

  it('replaces personal words and handles everywhere: text, attributes, addresses, the title', () => {
    for (const personal of ['Margarethe', 'Okonkwo', 'grete', 'Lisbon', 'Baker', 'Someone', 'someone_else', 'example.com', 'pbs.example'])
      expect(reduced.html, personal).not.toContain(personal);
    expect(reduced.html).toContain('data-testid="UserAvatar-Container-user1"');
    expect(reduced.html).toContain('@user1');
  });

  it('drops scripts, styles, stylesheets, comments and image addresses; keeps nothing outside the kept paths', () => {
    expect(reduced.html).not.toMatch(/<script|<style|stylesheet|__STATE__|build 123|<img[^>]*src=/);
    expect(reduced.html).not.toContain('Timeline');
    expect(reduced.html).not.toContain('5,000');
  });

  it('says where the fixture came from, and adds no text node of its own', () => {
    const withSource = reduceHtml(PAGE, { url: 'https://x.com/grete_ok', source: 'owner/repo:page.html@abc', captured: '2025-04-09' });
    expect(withSource.html).toContain('from a real page: owner/repo:page.html@abc, captured 2025-04-09');
    // Line breaks only inside tags: the collapsed text of each count is the page's.
    const doc = parseWith('linkedom', reduced.html, reduced.url);
    const link = doc.querySelector('a[href$="/verified_followers"]')!;
    expect(link.textContent).toBe('12.3K Followers');
  });

  it('reads a saved fragment as a page; a domain handle keeps its domain; ids in hooks are replaced too', () => {
    const out = reduceHtml('<a href="/profile/jane.bsky.social/followers" data-testid="1234567890-follow"><span>21 followers</span></a>', {
      url: 'https://bsky.app/profile/jane.bsky.social',
    });
    expect(out.url).toBe('https://bsky.app/profile/user1.bsky.social');
    expect(out.html).toContain('href="/profile/user1.bsky.social/followers"');
    expect(out.html).not.toContain('1234567890');
    expect(out.targets).toEqual(['21 followers']);
  });

  it('keeps route words, the empty handle of a signed-out nav link and long ids as their shape', () => {
    const page = `<html><body><main><a href="/@">Profile</a><a href="/@jane.doe/video/7312345678901234567">v</a>
      <div><strong data-e2e="followers-count">1.2M</strong><span>Followers</span></div></main></body></html>`;
    const out = reduceHtml(page, { url: 'https://www.tiktok.com/@jane.doe', keep: ['a'] });
    expect(out.html).toContain('href="/@"');
    expect(out.html).toMatch(/href="\/@user1\/video\/9\d{18}"/);
    expect(out.html).not.toContain('7312345678901234567');
    expect(out.url).toBe('https://www.tiktok.com/@user1');
  });
});
