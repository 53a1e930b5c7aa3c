import { siteContentScript } from '@/components/content-script';
import { medium } from '@/utils/sites/medium';

export default siteContentScript(medium);
