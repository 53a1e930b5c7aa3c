import { siteContentScript } from '@/utils/content-script';
import { youtube } from '@/utils/sites/youtube';

export default siteContentScript(youtube);
