package com.jakebuysit.application.offers;

import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.OfferEvents.OfferEvent;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A seller (or staff, or whoever holds the offer's stream token) follows an offer live, on whatever
 * transport carries it (Server-Sent Events, WebSocket). The stream:
 * <ol>
 *   <li>subscribes to the offer's events first, so nothing published from then on is missed;</li>
 *   <li>then sends the offer as it stands ({@code type "status"});</li>
 *   <li>then one update per published event, each with the offer as it is at that moment;</li>
 *   <li>ends after the update whose status is anything but {@code processing}: the pipeline's
 *       outcomes {@code ready}, {@code escalated}, {@code rejected}, and every later status, none of
 *       which has further pipeline progress to show. An offer past {@code processing} at connect
 *       gets that first update as its last.</li>
 * </ol>
 * Events published between the subscription and the first read are sent after the first update
 * even when it already shows their effect: the offer JSON alone cannot tell safely which steps it
 * reflects, and a repeated step is harmless where a missing one is not. Each published event is
 * sent at most once. Transports call {@link Following#checkSettled()} on their heartbeat, which ends
 * a stream whose final event was lost (Redis pub/sub delivers at most once) instead of leaving the
 * client waiting for ever.
 */
public final class FollowOffer {

    /** An offer settled at least this long ago whose final event never arrived had that event lost. */
    static final Duration SETTLED_GRACE = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(FollowOffer.class.getName());
    private static final String PROCESSING = OfferStatus.PROCESSING.code();

    private final ViewOffer view;
    private final OfferEvents events;
    private final Clock clock;

    public FollowOffer(ViewOffer view, OfferEvents events, Clock clock) {
        this.view = Objects.requireNonNull(view, "view");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One message of the stream.
     *
     * @param type "status" or "step"
     * @param step the pipeline step's code for step updates; empty for status updates
     * @param status the offer's status the event announced (for the first update, the offer's own)
     * @param offer the offer as it was read for this update
     * @param last true when the stream ends after this update
     */
    public record Update(String type, String step, String status, ViewOffer.Details offer, boolean last) {
        public Update {
            Objects.requireNonNull(type, "type");
            step = step == null ? "" : step;
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(offer, "offer");
        }
    }

    /** Where a stream's updates go: one client's connection. */
    public interface Sink {

        /**
         * Sends one update; after the {@link Update#last() last} one the transport ends the
         * stream normally. Throwing ends the stream: the subscription is released, then
         * {@link #broken} is called.
         */
        void send(Update update) throws Exception;

        /** The stream ended without its last update (the client went, a read failed): close the connection. */
        void broken(Exception cause);
    }

    /**
     * Checks that the viewer may follow the offer, without subscribing to anything; transports call
     * it before they accept the connection, so a refusal is a plain HTTP error.
     *
     * @throws OfferNotFound when there is no such offer; OfferAccessDenied when it is not the viewer's
     */
    public void authorize(OfferId id, Viewer viewer) {
        view.authorize(id, viewer);
    }

    /**
     * Subscribes, then sends the offer as it stands to {@code sink} (on the caller's thread), and
     * relays every later event until the stream ends. Close the returned handle when the client goes.
     *
     * @throws OfferNotFound when there is no such offer; OfferAccessDenied when it is not the viewer's
     *     (nothing is left subscribed)
     */
    public Following follow(OfferId id, Viewer viewer, Sink sink) {
        Following following = new Following(Objects.requireNonNull(id, "id"), Objects.requireNonNull(viewer, "viewer"),
                Objects.requireNonNull(sink, "sink"));
        following.subscription = events.subscribe(id.value(), following::heard);
        following.start();
        return following;
    }

    /** One client's stream of one offer. */
    public final class Following implements AutoCloseable {

        private final OfferId id;
        private final Viewer viewer;
        private final Sink sink;
        /** Held while reading the offer and sending, so updates go out one at a time and in order. */
        private final ReentrantLock lock = new ReentrantLock();
        /** Events heard before the first update went out; guarded by lock. */
        private final List<OfferEvent> early = new ArrayList<>();
        /** Guarded by lock. */
        private boolean started;
        private volatile boolean ended;
        private volatile OfferEvents.Subscription subscription;

        private Following(OfferId id, Viewer viewer, Sink sink) {
            this.id = id;
            this.viewer = viewer;
            this.sink = sink;
        }

        /** False once the stream has ended, for whatever reason. */
        public boolean isOpen() {
            return !ended;
        }

        /**
         * Ends the stream with the offer's settled status when its final event was lost: the offer
         * is past {@code processing} and has been for longer than any event takes to arrive.
         * Does nothing while an update is being sent; a failed read is tried again on the next call.
         */
        public void checkSettled() {
            if (ended || !lock.tryLock()) {
                return;
            }
            try {
                if (ended || !started) {
                    return;
                }
                ViewOffer.Details details = view.view(id, viewer);
                Offer offer = details.offer();
                if (offer.status() != OfferStatus.PROCESSING
                        && offer.updatedAt().isBefore(clock.instant().minus(SETTLED_GRACE))) {
                    LOG.log(System.Logger.Level.DEBUG, "offer " + id + " settled as " + offer.status().code()
                            + " without its event reaching this stream; ending it");
                    deliver(new Update("status", "", offer.status().code(), details, true));
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "could not check whether offer " + id + " settled", e);
            } finally {
                lock.unlock();
            }
        }

        /** The client went: stop listening. Safe to call more than once, from any thread. */
        @Override
        public void close() {
            end();
        }

        private void start() {
            lock.lock();
            try {
                ViewOffer.Details details;
                try {
                    details = view.view(id, viewer);
                } catch (RuntimeException e) {
                    end();
                    throw e;
                }
                String status = details.offer().status().code();
                if (!deliver(new Update("status", "", status, details, !PROCESSING.equals(status)))) {
                    return;
                }
                started = true;
                List<OfferEvent> heardMeanwhile = List.copyOf(early);
                early.clear();
                for (OfferEvent event : heardMeanwhile) {
                    if (ended) {
                        return;
                    }
                    relay(event);
                }
            } finally {
                lock.unlock();
            }
        }

        /** The subscription's listener; the events bus calls it one event at a time, in order. */
        private void heard(OfferEvent event) {
            if (ended) {
                return;
            }
            lock.lock();
            try {
                if (ended) {
                    return;
                }
                if (!started) {
                    early.add(event);
                    return;
                }
                relay(event);
            } finally {
                lock.unlock();
            }
        }

        /** Caller holds the lock. */
        private void relay(OfferEvent event) {
            ViewOffer.Details details;
            try {
                details = view.view(id, viewer);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            deliver(new Update(event.type(), event.step(), event.status(), details, !PROCESSING.equals(event.status())));
        }

        /** Caller holds the lock. Returns false when the stream is over. */
        private boolean deliver(Update update) {
            try {
                sink.send(update);
            } catch (Exception e) {
                fail(e);
                return false;
            }
            if (update.last()) {
                end();
                return false;
            }
            return true;
        }

        private void fail(Exception cause) {
            boolean wasOpen = !ended;
            end();
            if (wasOpen) {
                LOG.log(System.Logger.Level.DEBUG, "stream of offer " + id + " broke: " + cause);
                sink.broken(cause);
            }
        }

        private void end() {
            ended = true;
            OfferEvents.Subscription current = subscription;
            if (current != null) {
                current.close();
            }
        }
    }
}
