/** Types of summary-html.mjs, for the tests that import it. */
export function renderGfm(markdown: string): string;
export function summaryPage(title: string, bodyHtml: string, extraHead?: string): string;
