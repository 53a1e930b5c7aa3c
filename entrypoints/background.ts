import { defineBackground } from 'wxt/utils/define-background';

// The background owns every write to the journal (IndexedDB) and validates content-script messages.
// Detection needs none of it yet: content scripts detect and mark counts on their own.
export default defineBackground({
  type: 'module',
  main() {},
});
