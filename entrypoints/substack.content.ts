import { siteContentScript } from '@/components/content-script';
import { substack } from '@/utils/sites/substack';

export default siteContentScript(substack);
