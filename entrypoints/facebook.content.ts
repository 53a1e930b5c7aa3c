import { siteContentScript } from '@/utils/content-script';
import { facebook } from '@/utils/sites/facebook';

export default siteContentScript(facebook);
