package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Coded;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an offer is in its life, and the graph of moves between statuses:
 * <pre>
 *   processing → ready | escalated | rejected | cancelled
 *   escalated  → ready | rejected | cancelled
 *   ready      → accepted | declined | expired
 *   accepted   → shipped | cancelled | disputed
 *   shipped    → received | disputed
 *   received   → verified | returned | disputed
 *   verified   → paid | returned | disputed
 *   paid       → disputed
 *   returned   → disputed
 *   disputed   → back to the status it was disputed from (accepted … returned)
 *   declined, expired, rejected, cancelled: final
 * </pre>
 * Choices beyond the brief, so they are easy to find: {@code processing → rejected} (a fraud rule
 * or the offer floor refuses outright); {@code processing|escalated → cancelled} (the seller
 * withdraws before any price was shown; once a price is shown they decline it instead);
 * {@code received → returned} (the warehouse refuses the item outright). "Post-accept" states that
 * can be disputed are accepted, shipped, received, verified, paid and returned; a cancelled offer
 * moved no goods and no money, so it cannot be.
 */
public enum OfferStatus implements Coded {
    PROCESSING("processing"),
    READY("ready"),
    ESCALATED("escalated"),
    REJECTED("rejected"),
    DECLINED("declined"),
    EXPIRED("expired"),
    ACCEPTED("accepted"),
    SHIPPED("shipped"),
    RECEIVED("received"),
    VERIFIED("verified"),
    PAID("paid"),
    RETURNED("returned"),
    DISPUTED("disputed"),
    CANCELLED("cancelled");

    private static final Map<OfferStatus, Set<OfferStatus>> NEXT = new EnumMap<>(OfferStatus.class);

    static {
        NEXT.put(PROCESSING, EnumSet.of(READY, ESCALATED, REJECTED, CANCELLED));
        NEXT.put(ESCALATED, EnumSet.of(READY, REJECTED, CANCELLED));
        NEXT.put(READY, EnumSet.of(ACCEPTED, DECLINED, EXPIRED));
        NEXT.put(ACCEPTED, EnumSet.of(SHIPPED, CANCELLED, DISPUTED));
        NEXT.put(SHIPPED, EnumSet.of(RECEIVED, DISPUTED));
        NEXT.put(RECEIVED, EnumSet.of(VERIFIED, RETURNED, DISPUTED));
        NEXT.put(VERIFIED, EnumSet.of(PAID, RETURNED, DISPUTED));
        NEXT.put(PAID, EnumSet.of(DISPUTED));
        NEXT.put(RETURNED, EnumSet.of(DISPUTED));
        // Only back to the one it came from; Offer checks which.
        NEXT.put(DISPUTED, EnumSet.of(ACCEPTED, SHIPPED, RECEIVED, VERIFIED, PAID, RETURNED));
        NEXT.put(DECLINED, EnumSet.noneOf(OfferStatus.class));
        NEXT.put(EXPIRED, EnumSet.noneOf(OfferStatus.class));
        NEXT.put(REJECTED, EnumSet.noneOf(OfferStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(OfferStatus.class));
        NEXT.replaceAll((status, next) -> Collections.unmodifiableSet(next));
    }

    private final String code;

    OfferStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The statuses this one may move to. */
    public Set<OfferStatus> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(OfferStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** No move leaves this status. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** The seller has accepted and goods or money may be moving: the statuses a dispute can be raised from. */
    public boolean isPostAccept() {
        return NEXT.get(DISPUTED).contains(this);
    }

    public static OfferStatus fromCode(String code) {
        return Coded.fromCode(OfferStatus.class, code);
    }
}
