import { siteContentScript } from '@/components/content-script';
import { tiktok } from '@/utils/sites/tiktok';

export default siteContentScript(tiktok);
