import { siteContentScript } from '@/utils/content-script';
import { tiktok } from '@/utils/sites/tiktok';

export default siteContentScript(tiktok);
