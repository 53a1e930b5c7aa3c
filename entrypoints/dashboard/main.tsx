import { render } from 'preact';
import { Dashboard } from '@/components/dashboard/Dashboard';
import './style.css';

const root = document.getElementById('app');
if (root) render(<Dashboard />, root);
