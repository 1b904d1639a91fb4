// A single-page app: nothing is rendered on a server, everything lives in the browser.
export const ssr = false;
export const prerender = false;
