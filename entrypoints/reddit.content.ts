import { siteContentScript } from '@/utils/content-script';
import { reddit } from '@/utils/sites/reddit';

export default siteContentScript(reddit);
