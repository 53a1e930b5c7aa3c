import { siteContentScript } from '@/utils/content-script';
import { medium } from '@/utils/sites/medium';

export default siteContentScript(medium);
