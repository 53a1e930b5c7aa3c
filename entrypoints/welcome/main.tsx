/**
 * The first-run page: opened once when the extension is installed (entrypoints/background.ts), and from the
 * prompt's "Set your aim" when no aim is set. Its steps are components/welcome/Welcome.tsx.
 */
import { render } from 'preact';
import { prepareDocument, Welcome } from '@/components/welcome/Welcome';
import './style.css';

prepareDocument(document);
const root = document.getElementById('app');
if (root) render(<Welcome />, root);
