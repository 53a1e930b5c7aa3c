import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import { localizeDocument } from '@/utils/i18n/t';
import './style.css';

// In the browser's language, right to left for Arabic (utils/i18n/t.ts).
localizeDocument();

const root = document.getElementById('app');
if (root) render(<Popup />, root);
