/** The one look of every partner element: import from here. */
export { baseStyles, tokenStyles, hostStyles, cardStyles, figureStyles, elementStyles } from './tokens.js';
export { formStyles } from './form.js';
export { reportStyles } from './report.js';
export { resourceStyles } from './resources.js';
