package com.jakebuysit.adapters.out.memory;

import com.jakebuysit.application.port.OfferEvents;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offer events within one JVM: the whole bus of a single-node install, and the local fan-out
 * behind the Redis adapter. Each subscription has its own queue drained on a shared pool, so
 * a slow or failing listener never holds up the publisher or the other listeners, and every
 * listener sees an offer's events in the order they were published.
 */
public final class InMemoryOfferEvents implements OfferEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryOfferEvents.class);

    private final ConcurrentHashMap<UUID, List<Lane>> lanesByOffer = new ConcurrentHashMap<>();
    private final ExecutorService delivery;

    public InMemoryOfferEvents() {
        // A cached pool: a listener that blocks takes a thread, never another listener's turn.
        this.delivery = Executors.newCachedThreadPool(daemonThreads("offer-events-delivery-"));
    }

    @Override
    public void publish(OfferEvent event) {
        Objects.requireNonNull(event, "event");
        // Enqueuing under the offer's map lock gives every listener of the offer the same order,
        // even when two threads publish for one offer at once. Enqueuing never blocks.
        lanesByOffer.computeIfPresent(event.offerId(), (offerId, lanes) -> {
            lanes.forEach(lane -> lane.enqueue(event));
            return lanes;
        });
    }

    @Override
    public Subscription subscribe(UUID offerId, Consumer<OfferEvent> listener) {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(listener, "listener");
        Lane lane = new Lane(offerId, listener);
        lanesByOffer.compute(offerId, (id, lanes) -> {
            List<Lane> target = lanes == null ? new CopyOnWriteArrayList<>() : lanes;
            target.add(lane);
            return target;
        });
        return lane;
    }

    /** Stops delivery; events still queued are dropped. */
    @Override
    public void close() {
        delivery.shutdownNow();
    }

    private void remove(Lane lane) {
        lanesByOffer.computeIfPresent(lane.offerId, (id, lanes) -> {
            lanes.remove(lane);
            return lanes.isEmpty() ? null : lanes;
        });
    }

    /** One listener's queue; at most one drain runs at a time, which keeps its events in order. */
    private final class Lane implements Subscription {

        private final UUID offerId;
        private final Consumer<OfferEvent> listener;
        private final Queue<OfferEvent> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile boolean closed;

        Lane(UUID offerId, Consumer<OfferEvent> listener) {
            this.offerId = offerId;
            this.listener = listener;
        }

        void enqueue(OfferEvent event) {
            if (closed) {
                return;
            }
            pending.add(event);
            scheduleDrain();
        }

        private void scheduleDrain() {
            if (!draining.compareAndSet(false, true)) {
                return;
            }
            try {
                delivery.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // The bus is closed; nothing will be delivered any more.
                draining.set(false);
                pending.clear();
            }
        }

        private void drain() {
            try {
                OfferEvent event;
                while (!closed && (event = pending.poll()) != null) {
                    deliver(event);
                }
            } finally {
                draining.set(false);
                // An event enqueued after the loop's last poll but before the flag dropped
                // found a drain running and did not schedule one; pick it up here.
                if (!closed && !pending.isEmpty()) {
                    scheduleDrain();
                }
            }
        }

        private void deliver(OfferEvent event) {
            try {
                listener.accept(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                LOG.warn("offer event listener failed on {} event of offer {}", event.type(), event.offerId(), e);
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            remove(this);
            pending.clear();
        }
    }

    private static ThreadFactory daemonThreads(String namePrefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, namePrefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
