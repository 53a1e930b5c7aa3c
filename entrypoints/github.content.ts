import { siteContentScript } from '@/utils/content-script';
import { github } from '@/utils/sites/github';

export default siteContentScript(github);
