import { render } from 'preact';
import '@/components/theme.css';
import { prefetchTasks } from './early';
import { Popup } from './Popup';

prefetchTasks();
render(<Popup />, document.getElementById('app') as HTMLElement);
