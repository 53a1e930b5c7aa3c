/**
 * Private windows are never recorded (README "Privacy"): the built manifest's `"incognito": "not_allowed"`
 * leaves Chromium no switch to turn on. Asked through chrome://extensions' own API (what its "Allow in
 * Incognito" toggle calls), the extension stays off there. With the default ("spanning") the same call
 * turns it on.
 */
import { expect, test } from './extension';

interface IncognitoAccess {
  isEnabled: boolean;
  isActive: boolean;
}
declare const chrome: {
  developerPrivate: {
    getExtensionInfo(id: string): Promise<{ incognitoAccess: IncognitoAccess }>;
    updateExtensionConfiguration(update: { extensionId: string; incognitoAccess: boolean }): Promise<void>;
  };
};

test('the extension cannot be allowed in incognito windows', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  const access = () => page.evaluate(async (id) => (await chrome.developerPrivate.getExtensionInfo(id)).incognitoAccess, extensionId);
  expect(await access()).toEqual({ isEnabled: false, isActive: false });
  await page.evaluate(
    (id) => chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true }).catch(() => {}),
    extensionId,
  );
  expect(await access()).toEqual({ isEnabled: false, isActive: false });
});
