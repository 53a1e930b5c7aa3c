/** The metrics' words in the UI's language (assets/locales/<locale>/common.json), for the prompt, the review and its report. */
import type { Metric } from '../sites/types';
import { plural, t, type MessageKey, type PluralKey } from './t';

const AMOUNTS: Record<Metric, PluralKey> = {
  followers: 'amountFollowers',
  following: 'amountFollowing',
  connections: 'amountConnections',
  friends: 'amountFriends',
  subscribers: 'amountSubscribers',
  karma: 'amountKarma',
  stars: 'amountStars',
};

const METRIC_NAMES: Record<Metric, MessageKey> = {
  followers: 'metricFollowers',
  following: 'metricFollowing',
  connections: 'metricConnections',
  friends: 'metricFriends',
  subscribers: 'metricSubscribers',
  karma: 'metricKarma',
  stars: 'metricStars',
};

/** "12,345 followers" in the UI's language: `n` is the number as written, `value` picks the plural form. */
export function amount(metric: Metric, value: number, n: string): string {
  return plural(AMOUNTS[metric], value, n);
}

/** The metric's name on its own ("followers"). */
export function metricName(metric: Metric): string {
  return t(METRIC_NAMES[metric]);
}
