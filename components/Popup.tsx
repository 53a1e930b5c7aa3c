import { SITE_NAMES } from '@/utils/site-names';

/** The popup: the founding question. The journal (purpose, aim, outcomes) arrives with the data layer. */
export function Popup() {
  return (
    <main>
      <h1>What are you running for?</h1>
      <p>
        Running For puts a question beside the follower counts on {SITE_NAMES.length} sites: what have those
        connections actually produced?
      </p>
      <p>Supported: {SITE_NAMES.join(', ')}.</p>
    </main>
  );
}
