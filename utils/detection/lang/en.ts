/**
 * English, in every content script: the language most sites fall back to, and the one their numbers'
 * units ("12.3K") come from. Every other language is a pack loaded when a page needs it (./packs.ts).
 */
import type { LanguagePack } from './types';

export const EN: LanguagePack = {
  words:
    'followers|follower;following;connections|connection;friends|friend;subscribers|subscriber|subs|paid ' +
    'subscribers;karma|post karma|comment karma|link karma;stars|star|stargazers|users starred ' +
    'this repository|user starred this repository',
  moreThan: 'more than|over',
  editProfile: 'edit profile|edit your profile',
  // Generated: ./numbers.ts `numberPack('en')` (equal by test, tests/unit/lang.test.ts).
  numbers: {
    units: [
      'K3|M6|B9|T12|thousand3|million6|billion9|trillion12',
      'k3|m6|bn9|tn12|thousand3|million6|billion9|trillion12',
      'T3|L5|Cr7|Lakh5|Crore7|K3|KCr10|LCr12|thousand3|lakh5|crore7|lakh crore12',
    ],
    tags:
      "en=,.0|en-AT=.,0|en-BE=.,0|en-CH='.0|en-CZ= ,0|en-DE=.,0|en-DK=.,0|en-EE= ,0|en-ES=.,0|en-FI= ,0|" +
      'en-FR= ,0|en-GB=,.1|en-GE= ,0|en-HU= ,0|en-ID=.,0|en-IN=,.2|en-IT=.,0|en-LT= ,0|en-LV= ,0|' +
      'en-NL=.,0|en-NO= ,0|en-PL=.,0|en-PT= ,0|en-RO=.,0|en-SE= ,0|en-SI=.,0|en-SK= ,0|en-UA= ,0|' +
      'en-ZA= ,0',
  },
};
