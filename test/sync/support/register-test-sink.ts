// Preloaded (node -r) into spawned worker processes: plugs the in-test order store into the real worker.
import { currentOrderSink, setOrderSink } from '../../../src/domains/sync/sinks/order-sink';
import { testOrderSink } from './test-order-sink';

// The composition root registers the selling domain's store at start-up, before the job engine connects; re-plugging
// the test store on every tick puts it back long before the first job can run (starting the engine takes many turns).
const keep = () => {
  if (currentOrderSink() !== testOrderSink) setOrderSink(testOrderSink);
};
keep();
setInterval(keep, 1).unref();
