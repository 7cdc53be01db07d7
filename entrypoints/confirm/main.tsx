import { render } from 'preact';
import '@/components/theme.css';
import { Confirm } from './Confirm';

render(<Confirm />, document.getElementById('app') as HTMLElement);
