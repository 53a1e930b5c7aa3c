import { siteContentScript } from '@/utils/content-script';
import { instagram } from '@/utils/sites/instagram';

export default siteContentScript(instagram);
