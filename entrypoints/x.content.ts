import { siteContentScript } from '@/utils/content-script';
import { x } from '@/utils/sites/x';

export default siteContentScript(x);
