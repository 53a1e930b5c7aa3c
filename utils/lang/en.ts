/**
 * English, in every content script: the language most sites fall back to, and the one their numbers'
 * units ("12.3K") come from. Every other language is a pack loaded when a page needs it (./packs.ts).
 */
import type { LanguagePack } from './pack';

export const EN: LanguagePack = {
  words: 'followers|follower;following;connections|connection;friends|friend;subscribers|subscriber|subs|paid subscribers;karma|post karma|comment karma|link karma;stars|star|stargazers|users starred this repository|user starred this repository',
  moreThan: 'more than|over',
  editProfile: 'edit profile|edit your profile',
};
