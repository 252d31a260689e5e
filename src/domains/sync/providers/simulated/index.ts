export { simulateMarketTick, type SimulatedTickOptions, type SimulatedTickResult } from './simulated-feed.service';
export {
  simulateQuote,
  simulateSnapshots,
  type SimulatedPlatform,
  type SimulatedProduct,
  type SimulatedQuote,
  type SimulatedSnapshot,
  type SimulatedVariant,
  type SimulationClock,
} from './simulated-market';
export { moveRate, productsMovingAt, tickAt } from './tick-selection';
export { PLATFORM_PROFILES, profileFor, type PlatformProfile, type SimulatedCategory } from './platform-profiles';
