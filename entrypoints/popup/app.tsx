import { render } from 'preact';
import { Popup } from './Popup';

// Renders over index.html's static frame, reusing its nodes (Preact diffs against existing children).
render(<Popup />, document.getElementById('app') as HTMLElement);
