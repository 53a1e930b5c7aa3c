import { siteContentScript } from '@/components/content-script';
import { x } from '@/utils/sites/x';

export default siteContentScript(x);
