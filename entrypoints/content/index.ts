export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  main() {
    // Wiring only: runs the lib/ pipeline on the page and renders the result.
  },
});
