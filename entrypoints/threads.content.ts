import { siteContentScript } from '@/components/content-script';
import { threads } from '@/utils/sites/threads';

export default siteContentScript(threads);
