/**
 * Copies of a count that detection reports once, hidden too because they show the same number: the
 * star button's other state (shown after a click) and the narrow layout's copy of the About sidebar;
 * old Reddit's header karma, which on your own profile repeats the sidebar's link karma.
 */
export const COPIES: Readonly<Record<string, string>> = {
  github: '.js-toggler-container [id^="repo-stars-counter-"], #responsive-meta-container a[href$="/stargazers"] span',
  reddit: '#header-bottom-right span.userkarma',
};
