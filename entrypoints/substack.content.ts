import { siteContentScript } from '@/utils/content-script';
import { substack } from '@/utils/sites/substack';

export default siteContentScript(substack);
