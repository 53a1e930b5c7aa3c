/**
 * Copies of a count that detection reports once, hidden too because they show the same number: the
 * star button's other state (shown after a click) and the narrow layout's copy of the About sidebar;
 * old Reddit's header karma, which on your own profile repeats the sidebar's link karma. Per site and metric:
 * a copy is hidden by its count's metric's stylesheet only.
 */
import type { Metric } from '../../utils/sites/types';

export const COPIES: Readonly<Record<string, Partial<Record<Metric, string>>>> = {
  github: { stars: '.js-toggler-container [id^="repo-stars-counter-"], #responsive-meta-container a[href$="/stargazers"] span' },
  reddit: { karma: '#header-bottom-right span.userkarma' },
};
