// The status-protection icon, which the checklist and the member overview show (the overview's page loads the
// checklist's chunk, so this lands there, not in what every page loads).
import { svg } from 'lit';
import { icon } from './icons.js';

export const lockIcon = icon('lock', svg`<rect x="5" y="10.5" width="14" height="10" rx="2" /><path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />`);
