import { siteContentScript } from '@/components/content-script';
import { youtube } from '@/utils/sites/youtube';

export default siteContentScript(youtube);
