package com.jakebuysit.application.port;

import com.jakebuysit.domain.Coded;
import com.jakebuysit.domain.OfferId;
import java.util.List;

/**
 * Tells the reviewers that an item entered their queue. Called AFTER the transaction that put it
 * there committed, so a notification never announces an item that rolled back. The queue itself
 * is the offers in review (the admin API lists them); a channel only draws attention to it, so a
 * lost notification loses no work. Implementations must not throw at the caller: a notification
 * that cannot go out is logged.
 */
public interface EscalationChannel {

    void escalationOpened(OfferId offer, Kind kind, List<String> reasons);

    /** What a review item is ({@code kind} on the wire). */
    enum Kind implements Coded {
        /** The pipeline or intake could not price the offer alone: approve, set a price, or reject. */
        ESCALATION("escalation"),
        /** An acceptance over the daily spend cap: approve (label issued) or reject (cancelled). */
        HELD_ACCEPTANCE("held_acceptance"),
        /** The seller disputes an accepted offer. */
        DISPUTE("dispute");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }
}
