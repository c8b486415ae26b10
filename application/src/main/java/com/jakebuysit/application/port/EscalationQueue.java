package com.jakebuysit.application.port;

import com.jakebuysit.domain.offer.Offer;
import java.util.Optional;

/**
 * The reviewers' queue, read from the offers themselves: an offer is in it while it is
 * {@code escalated}, while it is {@code accepted} with its escalation still open (an acceptance
 * held for review), and while it is {@code disputed}. Entering or leaving the queue is a change of
 * the offer, so the queue can never disagree with the offers.
 */
public interface EscalationQueue {

    /**
     * The items, the longest-waiting first: by the time each entered the queue (a dispute's
     * {@code disputedAt}, otherwise the escalation's {@code escalatedAt}), then by id.
     *
     * @throws InvalidCursor when the cursor is not one this queue made
     */
    Page<Offer> oldestFirst(Optional<String> cursor, int limit);

    /** How many items wait in the queue now. */
    long size();
}
