// The X-like page of the benchmark: a profile header, a timeline the page's own script grows, user
// hovercards portalled into #layers, and single-page navigations between profiles. Markup as in
// tests/fixtures/x (hrefs and data-testid hooks; X's atomic classes left out). Everything is built
// with DOM calls, as a framework would, and is deterministic so every run does the same work.
(() => {
  const config = window.BENCH_X;
  const bench = window.__bench;

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const name in attrs) node.setAttribute(name, attrs[name]);
    for (const child of children || []) node.append(child);
    return node;
  }
  const span = (text) => el('span', {}, [text]);
  const handleOf = (i) => `user${i % 997}`;

  /** A count link as X renders it: number span, then label span. */
  function countLink(handle, tail, number, label) {
    return el('a', { href: `/${handle}/${tail}`, dir: 'ltr', role: 'link' }, [el('span', {}, [span(number)]), ' ', el('span', {}, [span(label)])]);
  }

  function profileHeader(profile) {
    return el('div', { 'data-testid': 'profileHeader' }, [
      el('div', { 'data-testid': 'UserName' }, [span(profile.name), span(`@${profile.handle}`)]),
      el('div', { 'data-testid': 'UserDescription', dir: 'auto' }, [span('Building things. Just passed 10K followers, thank you!')]),
      el('div', {}, [
        el('div', {}, [countLink(profile.handle, 'following', profile.following, 'Following')]),
        el('div', {}, [countLink(profile.handle, 'verified_followers', profile.followers, 'Followers')]),
      ]),
    ]);
  }

  /** One timeline post: trap text about followers, a link to someone's followers, and the like/view counters. */
  function post(i) {
    const author = handleOf(i * 7 + 3);
    return el('div', { 'data-testid': 'cellInnerDiv' }, [
      el('article', { 'data-testid': 'tweet', role: 'article', tabindex: '0' }, [
        el('div', { 'data-testid': 'User-Name' }, [el('a', { href: `/${author}`, role: 'link' }, [span(`Author ${i}`)]), span(`@${author}`), span('· 2h')]),
        el('div', { 'data-testid': 'tweetText', lang: 'en' }, [
          span(`Post ${i}: thank you for ${10 + (i % 90)}K followers! Check `),
          el('a', { href: `/${author}/verified_followers` }, [span(`${(i % 50) + 1}.${i % 10}K Followers`)]),
        ]),
        el('div', { role: 'group', 'aria-label': `41 replies, 1.2K reposts, ${8000 + i} likes, 120K views` }, [
          el('button', { 'data-testid': 'reply', 'aria-label': '41 Replies. Reply' }, [span('41')]),
          el('button', { 'data-testid': 'retweet', 'aria-label': '1.2K reposts. Repost' }, [span('1.2K')]),
          el('button', { 'data-testid': 'like', 'aria-label': `${8000 + i} Likes. Like` }, [span(`${8 + (i % 3)},${100 + (i % 900)}`)]),
          el('a', { href: `/${author}/status/${1790000000000000000 + i}/analytics`, 'aria-label': '120K views' }, [span('120K')]),
        ]),
      ]),
    ]);
  }

  function appendPosts(timeline, from, to) {
    const batch = document.createDocumentFragment();
    for (let i = from; i < to; i++) batch.append(post(i));
    timeline.append(batch);
  }

  function hovercard(i) {
    const handle = handleOf(i * 13 + 5);
    return el('div', { 'data-testid': 'HoverCard', role: 'dialog' }, [
      el('div', {}, [
        el('a', { href: `/${handle}`, role: 'link' }, [span(`Person ${i}`), span(`@${handle}`)]),
        el('div', {}, [span('Designer. 50K followers soon.')]),
        el('div', {}, [countLink(handle, 'following', String(100 + i), 'Following'), countLink(handle, 'verified_followers', `${(i % 9) + 1}.${i % 10}K`, 'Followers')]),
      ]),
    ]);
  }

  const layers = document.getElementById('layers');
  let hovercards = 0;
  /** Show a hovercard for `lifeMs` (the pointer resting on a name), then take it away. */
  function showHovercard(lifeMs) {
    const card = el('div', {}, [hovercard(hovercards++)]);
    layers.append(card);
    bench.inserted(card, 2, 'hovercard');
    return new Promise((done) => setTimeout(() => (card.remove(), done()), lifeMs));
  }

  const column = document.getElementById('column');
  let timeline = document.getElementById('timeline');
  let posts = 0;

  function profileFor(index) {
    return { handle: index === 0 ? config.handle : `user${index}`, name: `Person ${index}`, following: String(75 + index), followers: `${12 + index}.${index % 10}K` };
  }

  function renderProfile(index, postCount) {
    const header = profileHeader(profileFor(index));
    timeline = el('div', { id: 'timeline' }, []);
    column.replaceChildren(header, el('section', { role: 'region', 'aria-label': 'Posts' }, [timeline]));
    bench.inserted(header, 2, index === 0 ? 'initial' : 'navigation');
    posts = 0;
    appendPosts(timeline, 0, postCount);
    posts = postCount;
  }

  renderProfile(0, config.initialPosts);

  /** The timeline grows by `step` posts every `stepMs` to `to` posts, while hovercards come and go. */
  window.benchTimeline = ({ to, step, stepMs, hovercardEveryMs, hovercardLifeMs }) =>
    new Promise((done) => {
      const cards = [];
      const hover = setInterval(() => cards.push(showHovercard(hovercardLifeMs)), hovercardEveryMs);
      const grow = setInterval(() => {
        const next = Math.min(to, posts + step);
        appendPosts(timeline, posts, next);
        posts = next;
        if (posts < to) return;
        clearInterval(grow);
        clearInterval(hover);
        Promise.all(cards).then(() => done(posts));
      }, stepMs);
    });

  /** A single-page navigation to profile `index`: pushState, then the column is rendered anew. */
  window.benchNavigate = (index) => {
    history.pushState({}, '', `/${profileFor(index).handle}`);
    renderProfile(index, config.postsPerProfile);
  };

  /** Navigations `from`..`to`, one every `everyMs`. */
  window.benchNavigations = (from, to, everyMs) =>
    new Promise((done) => {
      let index = from;
      const timer = setInterval(() => {
        window.benchNavigate(index++);
        if (index > to) {
          clearInterval(timer);
          done(index - from);
        }
      }, everyMs);
    });

  window.benchHovercard = (lifeMs) => showHovercard(lifeMs);
})();
