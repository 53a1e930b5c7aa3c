import { siteContentScript } from '@/utils/content-script';
import { bluesky } from '@/utils/sites/bluesky';

export default siteContentScript(bluesky);
