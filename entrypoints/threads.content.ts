import { siteContentScript } from '@/utils/content-script';
import { threads } from '@/utils/sites/threads';

export default siteContentScript(threads);
