// Imported first by the full bundle (src/partner-center.ts): the element modules that follow
// queue the tags already on the page instead of defining them all in this one task.
import { deferDefinitions } from './partner-element.js';

deferDefinitions();
