import { siteContentScript } from '@/components/content-script';
import { github } from '@/utils/sites/github';

export default siteContentScript(github);
