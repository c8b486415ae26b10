package com.jakebuysit.application.port;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Progress of an offer, published by whichever instance does the work and heard by
 * every instance that has a client listening.
 */
public interface OfferEvents {

    void publish(OfferEvent event);

    /**
     * {@link #publish} for a change already committed: the change stands, so a lost event (Redis
     * down) is logged rather than turned into an error for the caller. Nothing waits on it: a
     * stream opened later starts from the offer as stored.
     */
    default void publishCommitted(OfferEvent event) {
        try {
            publish(event);
        } catch (RuntimeException e) {
            System.getLogger(OfferEvents.class.getName()).log(System.Logger.Level.WARNING,
                    "could not publish the " + event.status() + " event of offer " + event.offerId(), e);
        }
    }

    /** Listens until the returned subscription is closed. */
    Subscription subscribe(UUID offerId, Consumer<OfferEvent> listener);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * One event of an offer's stream: {@code type} is "step" or "status", {@code step} names
     * the pipeline step (empty for status events), {@code offer} the offer as the client sees it.
     */
    record OfferEvent(UUID offerId, String type, String step, String status, Map<String, Object> offer) {
        public OfferEvent {
            if (offerId == null || type == null || type.isBlank() || status == null) {
                throw new IllegalArgumentException("offerId, type and status are required");
            }
            step = step == null ? "" : step;
            // Values may be null (an offer not yet priced has no amount), so no Map.copyOf.
            offer = offer == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(offer));
        }
    }
}
