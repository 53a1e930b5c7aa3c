import { siteContentScript } from '@/components/content-script';
import { instagram } from '@/utils/sites/instagram';

export default siteContentScript(instagram);
