import { siteContentScript } from '@/utils/content-script';
import { linkedin } from '@/utils/sites/linkedin';

export default siteContentScript(linkedin);
