import { render } from 'preact';
import '@/components/theme.css';
import { Popup } from './Popup';

render(<Popup />, document.getElementById('app') as HTMLElement);
