/** The count the prompt tests start from — 12.3K followers on X, someone else's — with the fields a test changes. */
import type { Detection } from '../../utils/sites/types';

export function detectionOf(fields: Partial<Detection> = {}): Detection {
  return {
    element: document.body,
    site: 'x',
    metric: 'followers',
    value: 12300,
    approximate: true,
    own: false,
    text: '12.3K Followers',
    via: 'hook',
    ...fields,
  };
}
