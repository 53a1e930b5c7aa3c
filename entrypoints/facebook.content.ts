import { siteContentScript } from '@/components/content-script';
import { facebook } from '@/utils/sites/facebook';

export default siteContentScript(facebook);
