/** Where entrypoints/page-app leaves its factory, in the content script's isolated world. */
export const PAGE_APP_GLOBAL = '__quotelensPageApp';
