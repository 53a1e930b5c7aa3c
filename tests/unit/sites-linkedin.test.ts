import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { detect } from '../../utils/detection/detect';
import { contextFor } from '../../utils/detection/detect-with';
import { pageTypeOf } from '../../utils/sites';
import { examples, linkedin } from '../../utils/sites/linkedin';
import { parseWith } from './fixture-dom';
import { REDESIGNS } from './redesign';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/linkedin/${name}`, import.meta.url), 'utf8');
const PROFILE = 'https://www.linkedin.com/in/user1/';
const brief = (found: readonly { metric: string; value: number; own: boolean; text: string }[]) =>
  found.map(({ metric, value, own, text }) => ({ metric, value, own, text }));

describe('linkedin page types', () => {
  for (const [type, list] of Object.entries(examples)) {
    it.each([...list])(`${type}: %s`, (example) => {
      expect(pageTypeOf(linkedin, new URL(example))).toBe(type);
    });
  }

  it('takes a company’s tabs for the company page, not its posts or jobs pages below them', () => {
    expect(pageTypeOf(linkedin, new URL('https://www.linkedin.com/company/audiense/posts/'))).toBe('company');
    expect(pageTypeOf(linkedin, new URL('https://www.linkedin.com/company/audiense/jobs/view/123/'))).toBeUndefined();
  });
});

describe('linkedin partial scans (what the content script does on mutations)', () => {
  it.each(['happy-dom', 'linkedom'] as const)('a subtree of the top card finds the counts inside it only (%s)', (kind) => {
    const url = 'https://se.linkedin.com/in/user1';
    const doc = parseWith(kind, fixture('profile-other-loggedout-2024.html'), url);
    const row = doc.querySelectorAll('.profile-info-subheader > .not-first-middot')[1]!;
    expect(brief(detect(row, url))).toEqual([
      { metric: 'followers', value: 339, own: false, text: '339 followers' },
      { metric: 'connections', value: 338, own: false, text: '338 connections' },
    ]);
    expect(detect(row.querySelector('span')!, url).map((found) => found.metric)).toEqual(['followers']);
  });

  it('a subtree outside every card finds nothing (the Interests and similar pages’ followers)', () => {
    const doc = parseWith('linkedom', fixture('profile-other-2024.html'), PROFILE);
    expect(detect(doc.querySelector('aside')!, PROFILE)).toEqual([]);
  });

  it('reads the cards only on /in/<slug>/, not on the same markup under another path', () => {
    const doc = parseWith('linkedom', fixture('profile-other-2024.html'), PROFILE);
    expect(detect(doc, 'https://www.linkedin.com/in/user1/details/experience/')).toEqual([]);
  });
});

describe('linkedin layouts', () => {
  it('counts the visible copy of dual text once, and its screen-reader twin once the copy is gone', () => {
    const doc = parseWith('linkedom', fixture('profile-other-2024.html'), PROFILE);
    const followers = detect(doc, PROFILE).find((found) => found.metric === 'followers')!;
    expect(followers.element.getAttribute('aria-hidden')).toBe('true');
    REDESIGNS.find((redesign) => redesign.name === 'dual text dropped')!.apply(doc);
    expect(brief(detect(doc, PROFILE))).toEqual([
      { metric: 'connections', value: 500, own: false, text: '500+ connections' },
      { metric: 'followers', value: 594, own: false, text: '594 followers' },
    ]);
  });

  it('reads the 2021 Activity card’s followers after its header, in Russian', () => {
    const doc = parseWith('linkedom', fixture('profile-other-2021-ru.html'), PROFILE);
    const followers = detect(doc, PROFILE, 'ru').find((found) => found.metric === 'followers')!;
    expect(followers.text).toBe('948 отслеживающих');
    expect(followers.element.previousElementSibling?.tagName).toBe('HEADER');
  });

  it('reads the guest company count from a part of its line, and from its own element once wrapped', () => {
    const url = 'https://uk.linkedin.com/company/user1';
    const doc = parseWith('linkedom', fixture('company-guest-2024.html'), url);
    const [found, ...rest] = detect(doc, url);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ metric: 'followers', value: 5750, text: '5,750 followers', via: 'hook' });
    expect(found!.element.tagName).toBe('H3');
    for (const name of ['classes re-hashed', 'counts wrapped']) REDESIGNS.find((redesign) => redesign.name === name)!.apply(doc);
    const [wrapped] = detect(doc, url);
    expect(wrapped).toMatchObject({ metric: 'followers', value: 5750, text: '5,750 followers', via: 'label' });
    expect(wrapped!.element.tagName).toBe('SPAN');
  });

  it('never splits a headline the member wrote ("Coach | 10K followers")', () => {
    const doc = parseWith('linkedom', fixture('profile-other-2024.html'), PROFILE);
    doc.querySelector('.text-body-medium')!.textContent = 'Coach | 10K followers';
    expect(detect(doc, PROFILE).filter((found) => found.text.includes('10K'))).toEqual([]);
  });

  it('reads a count line in leaves of its own, split by separators (2026, code id 63359761301)', () => {
    const doc = parseWith(
      'linkedom',
      `<html lang="en"><body><main><section><h1>Jane</h1><div><span>29,777 followers</span><span ` +
        `aria-hidden="true">·</span><span>500+</span><span>connections</span></div></section></main></body></html>`,
      PROFILE,
    );
    expect(brief(detect(doc, PROFILE))).toEqual([
      { metric: 'followers', value: 29777, own: false, text: '29,777 followers' },
      { metric: 'connections', value: 500, own: false, text: '500+ connections' },
    ]);
  });

  it('reads LinkedIn’s translated lower bounds', () => {
    expect(brief(detect(parseWith('linkedom', fixture('profile-own-2024-fr.html'), PROFILE), PROFILE))[0]).toEqual({
      metric: 'connections',
      value: 500,
      own: true,
      text: '+ de 500 relations',
    });
    const guest = 'https://es.linkedin.com/in/user1';
    expect(brief(detect(parseWith('linkedom', fixture('profile-other-loggedout-2024-es.html'), guest), guest))[1]).toEqual({
      metric: 'connections',
      value: 500,
      own: false,
      text: 'Más de 500 contactos',
    });
  });

  it('keeps 2026 feed posts quiet: a count link inside one is never read', () => {
    const url = 'https://www.linkedin.com/feed/';
    const doc = parseWith('linkedom', fixture('feed-2026-own-rail.html'), url);
    const post = doc.querySelector('[data-testid="mainFeed"] [role="listitem"][componentkey^="expanded"]')!;
    expect(post.matches(linkedin.quiet!)).toBe(true);
    const link = post.appendChild(doc.createElement('a'));
    link.setAttribute('href', 'https://www.linkedin.com/search/results/people/?connectionOf=%5B%22x%22%5D');
    link.textContent = '500+ connections';
    expect(detect(doc, url)).toEqual([]);
  });
});

describe('linkedin regions', () => {
  const regionsOf = (name: string, url: string, lang?: string) => {
    const doc = parseWith('linkedom', fixture(name), url);
    return { doc, regions: linkedin.regions!(contextFor(linkedin, doc, new URL(url), lang)) };
  };

  it('a profile: the top card around the name and the Activity card’s header, with its own()', () => {
    const { doc, regions } = regionsOf('profile-other-2024.html', PROFILE);
    // With an Activity card, the followers are in its header and the top card shows the connections.
    expect(regions.map((region) => [region.element.tagName, region.metrics, region.own()])).toEqual([
      ['SECTION', ['connections'], false],
      ['DIV', ['followers'], false],
    ]);
    expect(regions[0]!.element.contains(doc.querySelector('h1'))).toBe(true);
    expect(regions[1]!.element.querySelector('.pvs-header__optional-link')).not.toBeNull();
    expect(regionsOf('profile-own-2024-fr.html', PROFILE).regions.every((region) => region.own())).toBe(true);
  });

  it('a guest profile: the top card with both counts', () => {
    const { regions } = regionsOf('profile-other-loggedout-2024.html', 'https://se.linkedin.com/in/user1');
    expect(regions.map((region) => [region.element.tagName, region.metrics, region.own()])).toEqual([
      ['SECTION', ['followers', 'connections'], false],
    ]);
  });

  it('a 2021 profile: the Activity card whole, since its followers follow the header', () => {
    const { regions } = regionsOf('profile-other-2021-ru.html', PROFILE, 'ru');
    expect(regions[1]!.element.textContent).toContain('948');
  });

  it('a company: its top card only, never own', () => {
    for (const [name, url] of [
      ['company-2021.html', 'https://www.linkedin.com/company/user1/'],
      ['company-guest-2024.html', 'https://uk.linkedin.com/company/user1'],
    ] as const) {
      const { regions } = regionsOf(name, url);
      expect(regions.map((region) => [region.metrics, region.own()])).toEqual([[['followers'], false]]);
      expect(regions[0]!.element.querySelector('h1')).not.toBeNull();
    }
  });

  it('the feed: the own-profile rail where it has a connections row, and none where the rail shows no count (2022, 2026)', () => {
    const url = 'https://www.linkedin.com/feed/';
    const { regions } = regionsOf('feed-rail-own.html', url);
    expect(regions.map((region) => [region.metrics, region.own()])).toEqual([[['connections'], true]]);
    expect(regions[0]!.element.querySelector('a[href*="/me/profile-views"]')).not.toBeNull();
    for (const name of ['feed-2022-own-rail.html', 'feed-2026-own-rail.html']) expect(regionsOf(name, url).regions, name).toEqual([]);
  });
});
