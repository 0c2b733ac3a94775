export default defineBackground(() => {
  // Wiring only: routes typed messages (lib/messages.ts) to lib/ modules.
});
