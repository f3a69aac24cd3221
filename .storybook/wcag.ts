/** The axe rule tags every story is held to (WCAG 2.2 A and AA); shared by the a11y panel and the story test. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
