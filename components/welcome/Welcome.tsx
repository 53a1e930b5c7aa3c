/**
 * The first-run page (entrypoints/welcome/; issue 17): a short guided reflection that begins with the
 * founding question. (1) "What are you running for?" and three of the five questions the product grew
 * from, to think about; (2) the other two, answered: the purpose and the aim; (3) an optional if-then plan,
 * kept with the aim and shown in the prompt; (4) the sites and their mode; (5) the weekly reminder; then a
 * summary. Every step can be skipped, and each answer is saved when its step is continued — closing the
 * page at any moment loses nothing saved. Keyboard first: each step's heading takes the focus, Enter in a
 * field continues, and every control is a labelled native one.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { messagesLocale, t, textDirection } from '@/utils/i18n/t';
import type { Journal } from '@/utils/journal/journal';
import type { Aim } from '@/utils/journal/records';
import { repairReminder, type SiteMode, type WeeklyReminder } from '@/utils/settings/items';
import { AimStep, type AimDraft } from './AimStep';
import { PlanStep } from './PlanStep';
import { ReminderStep } from './ReminderStep';
import { SitesStep } from './SitesStep';
import { pageSource, type WelcomeSource } from './source';
import { Step } from './Step';

/** The steps in order; `done` is the summary after them, not counted. */
export const STEPS = ['question', 'aim', 'plan', 'sites', 'reminder', 'done'] as const;
export type StepName = (typeof STEPS)[number];
const COUNTED = STEPS.length - 1;

/** The page's language, writing direction and title, from the messages the browser picked (<html lang dir>). */
export function prepareDocument(doc: Document): void {
  doc.documentElement.lang = messagesLocale();
  doc.documentElement.dir = textDirection();
  doc.title = t('welcomeTitle');
}

export interface WelcomeProps {
  source?: WelcomeSource;
}

export function Welcome({ source = pageSource }: WelcomeProps) {
  const [step, setStep] = useState<StepName>('question');
  /** The aim saved now: undefined while it is read, null when there is none (or it could not be read). */
  const [current, setCurrent] = useState<Aim | null | undefined>(undefined);
  const [aimDraft, setAimDraft] = useState<AimDraft>({ purpose: '', aim: '' });
  const [planDraft, setPlanDraft] = useState('');
  const [modes, setModes] = useState<Record<string, SiteMode> | undefined>(undefined);
  const [reminder, setReminder] = useState<WeeklyReminder | undefined>(undefined);
  const [status, setStatus] = useState('');
  const touched = useRef(false);
  const opening = useRef<Promise<Journal> | undefined>(undefined);

  /** The journal, opened on first use; a failed open is tried again next time. */
  const journal = useCallback(() => {
    opening.current ??= source.openJournal().catch((error: unknown) => {
      opening.current = undefined;
      throw error;
    });
    return opening.current;
  }, [source]);

  useEffect(() => {
    let live = true;
    journal()
      .then((opened) => opened.currentAim())
      .then(
        (aim) => {
          if (!live) return;
          setCurrent(aim ?? null);
          // What is saved already fills the fields, unless the user has begun typing.
          if (aim && !touched.current) {
            setAimDraft({ purpose: aim.purpose, aim: aim.aim });
            setPlanDraft(aim.plan ?? '');
          }
        },
        () => live && setCurrent(null),
      );
    // A setting that cannot be read shows its default (what a fresh install has), rather than waiting forever.
    source.readModes().then(
      (saved) => live && setModes(saved),
      () => live && setModes({}),
    );
    source.readReminder().then(
      (saved) => live && setReminder(saved),
      () => live && setReminder(repairReminder(undefined)),
    );
    return () => {
      live = false;
    };
  }, [source, journal]);

  const go = (next: StepName) => {
    setStep(next);
    window.scrollTo?.(0, 0);
  };
  const index = STEPS.indexOf(step);
  const next = () => go(STEPS[index + 1] ?? 'done');
  const back = () => go(STEPS[index - 1] ?? 'question');
  const announce = useCallback((message: string) => setStatus(message), []);
  const common = { position: { index: index + 1, total: COUNTED }, onSkip: next, onBack: index > 0 ? back : undefined };

  let content;
  switch (step) {
    case 'question':
      content = (
        <Step {...common} title={t('welcomeQuestionHeading')} onContinue={next}>
          <p class="lead">{t('welcomeQuestionIntro')}</p>
          <ul class="reflect">
            <li>{t('welcomeReflectThreads')}</li>
            <li>{t('welcomeReflectConnections')}</li>
            <li>{t('welcomeReflectReaders')}</li>
          </ul>
          <p class="hint">{t('welcomeReflectNote')}</p>
        </Step>
      );
      break;
    case 'aim':
      content = (
        <AimStep
          {...common}
          draft={aimDraft}
          onDraft={(draft) => {
            touched.current = true;
            setAimDraft(draft);
          }}
          current={current}
          journal={journal}
          onDone={(saved) => {
            if (saved !== current) announce(t('welcomeAimSaved'));
            setCurrent(saved);
            next();
          }}
        />
      );
      break;
    case 'plan':
      content = (
        <PlanStep
          {...common}
          draft={planDraft}
          onDraft={(plan) => {
            touched.current = true;
            setPlanDraft(plan);
          }}
          current={current}
          journal={journal}
          onDone={(saved, announcement) => {
            if (announcement) announce(announcement);
            setCurrent(saved);
            next();
          }}
        />
      );
      break;
    case 'sites':
      content = <SitesStep {...common} modes={modes} write={source.writeModes} onModes={setModes} announce={announce} onNext={next} />;
      break;
    case 'reminder':
      content = (
        <ReminderStep
          {...common}
          reminder={reminder}
          write={source.writeReminder}
          onReminder={setReminder}
          announce={announce}
          now={source.now}
          onNext={next}
        />
      );
      break;
    case 'done':
      content = <Done current={current} onBack={back} onClose={() => void source.closePage()} />;
      break;
  }

  return (
    <main class="welcome">
      <p class="brand">{t('extName')}</p>
      {/* Keyed by step: each step is a new section, whose heading takes the focus. */}
      <div key={step}>{content}</div>
      <p class="status" role="status">
        {status}
      </p>
    </main>
  );
}

function Done({ current, onBack, onClose }: { current: Aim | null | undefined; onBack: () => void; onClose: () => void }) {
  return (
    <Step
      title={t('welcomeDoneHeading')}
      onBack={onBack}
      extra={
        <button type="button" class="primary" onClick={onClose}>
          {t('welcomeClose')}
        </button>
      }
    >
      <p class="lead">{t('welcomeDoneIntro')}</p>
      {current ? (
        <dl class="summary">
          {current.purpose && (
            <>
              <dt>{t('welcomePurposeLabel')}</dt>
              <dd>{current.purpose}</dd>
            </>
          )}
          <dt>{t('aimLabel')}</dt>
          <dd class="summary-aim">{current.aim}</dd>
          {current.plan && <dd class="summary-plan">{t('promptPlan', current.plan)}</dd>}
        </dl>
      ) : (
        <p class="hint">{t('welcomeDoneNoAim')}</p>
      )}
    </Step>
  );
}
