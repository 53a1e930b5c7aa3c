/**
 * The supported sites and their mode — reframe, hide the numbers, or off — each written as soon as it is
 * chosen, to the same setting the dashboard's Sites view writes (utils/settings/items.ts `siteModesItem`):
 * open tabs follow it (utils/settings/push.ts). Sites the user adds (a Mastodon instance, a blog) are added
 * in the dashboard, where the browser asks for access.
 */
import { useId, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n/t';
import { SITE_MODES, type SiteMode } from '@/utils/settings/items';
import { SITE_LIST } from '@/utils/sites/names';
import { Step, type StepProps } from './Step';
import { withMode } from './source';

const MODE_KEYS: Record<SiteMode, MessageKey> = {
  reframe: 'welcomeModeReframe',
  hide: 'welcomeModeHide',
  off: 'welcomeModeOff',
};

interface SitesStepProps extends Pick<StepProps, 'position' | 'onBack' | 'onSkip'> {
  /** Every site's mode as saved; undefined while it is read. */
  modes: Record<string, SiteMode> | undefined;
  write: (modes: Record<string, SiteMode>) => Promise<void>;
  /** The modes as they are now (shown at once; written in the background of the choice). */
  onModes: (modes: Record<string, SiteMode>) => void;
  announce: (message: string) => void;
  onNext: () => void;
}

export function SitesStep({ modes, write, onModes, announce, onNext, ...step }: SitesStepProps) {
  const baseId = useId();
  const [error, setError] = useState<string | null>(null);

  async function choose(site: { id: string; name: string }, mode: SiteMode) {
    if (!modes) return;
    const next = withMode(modes, site.id, mode);
    onModes(next);
    try {
      await write(next);
      setError(null);
      announce(t('welcomeModeSaved', site.name));
    } catch {
      setError(t('welcomeSettingFailed'));
    }
  }

  return (
    <Step {...step} title={t('welcomeSitesHeading')} error={error} onContinue={onNext}>
      <p class="lead">{t('welcomeSitesIntro')}</p>
      {modes === undefined ? (
        <p class="hint">{t('welcomeLoading')}</p>
      ) : (
        <ul class="sites">
          {SITE_LIST.map((site) => {
            const id = `${baseId}-${site.id}`;
            return (
              <li key={site.id} class="site">
                <label htmlFor={id}>{site.name}</label>
                <select
                  id={id}
                  value={modes[site.id] ?? 'reframe'}
                  onChange={(event) => void choose(site, event.currentTarget.value as SiteMode)}
                >
                  {SITE_MODES.map((mode) => (
                    <option key={mode} value={mode}>
                      {t(MODE_KEYS[mode])}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      )}
    </Step>
  );
}
