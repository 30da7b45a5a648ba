import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import { Options } from './Options';

document.body.classList.add('ct-theme');
render(<Options />, document.getElementById('app')!);
