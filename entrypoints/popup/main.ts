/**
 * The popup's first script, kept tiny (issue 8): index.html already paints the popup's frame, this
 * asks the background for what the first view needs, and the app (Preact, zod, every component)
 * loads meanwhile as a chunk of its own.
 */
import '@/components/theme.css';
import { prefetch } from './early';

prefetch();
void import('./app');
