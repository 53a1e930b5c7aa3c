// The LinkedIn-like feed of the benchmark: the left rail's own identity card (re-rendered now and then,
// as LinkedIn's client does) and a feed the page's own script grows. Markup as in
// tests/fixtures/linkedin/feed-rail-own.html; posts carry trap text ("12,345 followers", a followers
// link inside the post) that must never get a prompt. Built with DOM calls, deterministic.
(() => {
  const config = window.BENCH_LINKEDIN;
  const bench = window.__bench;

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const name in attrs) node.setAttribute(name, attrs[name]);
    for (const child of children || []) node.append(child);
    return node;
  }
  const span = (text, attrs) => el('span', attrs || {}, [text]);

  let renders = 0;
  function identityCard() {
    renders++;
    return el('div', { class: 'feed-identity-module artdeco-card' }, [
      el('div', { class: 'feed-identity-module__actor-meta' }, [
        el('a', { href: '/in/jane-doe/' }, [el('div', { class: 't-16 t-bold' }, ['Jane Doe'])]),
        el('p', { class: 'feed-identity-module__headline' }, ['Growth marketer · 10K followers is not a business model']),
      ]),
      el('ul', {}, [
        el('li', {}, [el('a', { href: '/me/profile-views/' }, [span('Profile viewers'), el('strong', {}, [String(40 + renders)])])]),
        el('li', {}, [el('a', { href: '/dashboard/' }, [span('Post impressions'), el('strong', {}, ['1,024'])])]),
      ]),
      el('div', { class: 'feed-left-nav-growth-widgets' }, [
        el('a', { href: '/mynetwork/invite-connect/connections/', class: 'feed-left-nav-growth-widgets__entity-list-item' }, [
          el('div', { class: 'display-flex flex-column' }, [
            span('Connections', { class: 't-12 t-bold' }),
            span('Grow your network', { class: 't-12' }),
          ]),
          el('span', { class: 'feed-identity-widget-item__stat' }, [el('strong', {}, [String(520 + renders)])]),
        ]),
      ]),
    ]);
  }

  function post(i) {
    const urn = `urn:li:activity:72200000000${String(i).padStart(8, '0')}`;
    return el('div', { 'data-id': urn, class: 'feed-shared-update-v2 artdeco-card', role: 'article', 'data-urn': urn }, [
      el('div', { class: 'update-components-actor' }, [
        el('a', { href: `/company/company-${i}/`, class: 'update-components-actor__meta-link' }, [
          el('span', { class: 'update-components-actor__title' }, [span(`Company ${i}`, { 'aria-hidden': 'true' })]),
          el('span', { class: 'update-components-actor__description' }, [
            span(`${12000 + i} followers`, { 'aria-hidden': 'true' }),
            span(`${12000 + i} followers`, { class: 'visually-hidden' }),
          ]),
        ]),
        el('button', { type: 'button', 'aria-label': `Follow Company ${i}` }, [span('Follow')]),
      ]),
      el('div', { class: 'update-components-text' }, [
        el('span', { dir: 'ltr' }, [
          `Post ${i}: our founder grew to 10K followers. See `,
          el('a', { href: 'https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/' }, ['1,234 followers']),
          ' and 500+ connections.',
        ]),
      ]),
      el('ul', { class: 'social-details-social-counts' }, [
        el('li', {}, [span(`${2000 + i}`, { class: 'social-details-social-counts__reactions-count' })]),
        el('li', {}, [el('button', { type: 'button' }, [span(`${100 + (i % 50)} comments`)])]),
        el('li', {}, [el('button', { type: 'button' }, [span(`${i % 30} reposts`)])]),
      ]),
    ]);
  }

  const rail = document.getElementById('rail');
  const feed = document.getElementById('feed');
  let posts = 0;

  function renderCard(kind) {
    const card = identityCard();
    rail.replaceChildren(card);
    bench.inserted(card, 1, kind);
  }

  function appendPosts(to) {
    const batch = document.createDocumentFragment();
    for (; posts < to; posts++) batch.append(post(posts));
    feed.append(batch);
  }

  renderCard('initial');
  appendPosts(config.initialPosts);

  /** The feed grows by `step` posts every `stepMs` to `to`; the own card is rendered anew every `cardEveryMs`. */
  window.benchFeed = ({ to, step, stepMs, cardEveryMs }) =>
    new Promise((done) => {
      const card = setInterval(() => renderCard('linkedin-card'), cardEveryMs);
      const grow = setInterval(() => {
        appendPosts(Math.min(to, posts + step));
        if (posts < to) return;
        clearInterval(grow);
        clearInterval(card);
        done(posts);
      }, stepMs);
    });
})();
