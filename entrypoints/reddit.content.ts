import { siteContentScript } from '@/components/content-script';
import { reddit } from '@/utils/sites/reddit';

export default siteContentScript(reddit);
