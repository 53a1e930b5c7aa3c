import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import './style.css';

const root = document.getElementById('app');
if (root) render(<Popup />, root);
