import { siteContentScript } from '@/components/content-script';
import { bluesky } from '@/utils/sites/bluesky';

export default siteContentScript(bluesky);
