import { siteContentScript } from '@/components/content-script';
import { linkedin } from '@/utils/sites/linkedin';

export default siteContentScript(linkedin);
