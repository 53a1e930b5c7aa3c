/**
 * The prompt's dialog page: the extension page a chip shows in an iframe beside a count
 * (components/prompt/frame.ts). Everything the user reads or types here stays in the extension's origin:
 * the background reads it the aim and this week's outcome count and stores its answers
 * (utils/messaging/prompt-protocol.ts); "Not now" writes the snooze to the settings. Nothing of it goes to or
 * through the site's page (components/prompt/protocol.ts).
 */
import { startPromptPage } from '@/components/prompt/page';
import { localizeDocument } from '@/utils/i18n/t';

// In the browser's language, right to left for Arabic (utils/i18n/t.ts).
localizeDocument();
startPromptPage();
