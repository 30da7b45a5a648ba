import { render } from 'preact';
import '@/components/theme.css';
import '@/components/story.css';
import './popup.css';
import { Popup } from './Popup';

document.body.classList.add('ct-theme');
render(<Popup />, document.getElementById('app')!);
