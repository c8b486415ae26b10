package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one command changed on an offer, for the audit log's before/after columns: the changed
 * fields only, by name, as wire strings (money "12.34", times ISO-8601, codes). A field that was
 * absent before (or after) is missing from that side's map.
 *
 * <p>It is computed from the two offers rather than recorded by each command, so a field a
 * command changes can never be left out of the audit.
 */
public record OfferTransition(OfferId offerId, OfferStatus from, OfferStatus to, Instant at,
        Map<String, String> before, Map<String, String> after) {

    public OfferTransition {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    /** The change from {@code before} to {@code after}, two versions of the same offer. */
    public static OfferTransition between(Offer before, Offer after) {
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("not the same offer: " + before.id() + " and " + after.id());
        }
        Map<String, String> old = snapshot(before);
        Map<String, String> now = snapshot(after);
        Map<String, String> changedBefore = new TreeMap<>();
        Map<String, String> changedAfter = new TreeMap<>();
        for (String key : union(old, now)) {
            String was = old.get(key);
            String is = now.get(key);
            if (!Objects.equals(was, is)) {
                if (was != null) {
                    changedBefore.put(key, was);
                }
                if (is != null) {
                    changedAfter.put(key, is);
                }
            }
        }
        return new OfferTransition(after.id(), before.status(), after.status(), after.updatedAt(), changedBefore,
                changedAfter);
    }

    public boolean statusChanged() {
        return from != to;
    }

    /** Every field of the offer that can change, flattened to wire strings; absent fields are left out. */
    public static Map<String, String> snapshot(Offer offer) {
        Map<String, String> map = new TreeMap<>();
        map.put("status", offer.status().code());
        put(map, "sellerId", offer.sellerId().map(Object::toString));
        offer.identification().ifPresent(id -> {
            map.put("item.category", id.item().category().code());
            map.put("item.condition", id.item().condition().code());
            put(map, "item.subcategory", id.item().subcategory());
            put(map, "item.brand", id.item().brand());
            put(map, "item.model", id.item().model());
            map.put("item.features", String.join("; ", id.item().features()));
            map.put("item.damage", String.join("; ", id.item().damage()));
            map.put("aiConfidence", id.confidence().toPlainString());
        });
        offer.quote().ifPresent(quote -> {
            map.put("offerAmount", quote.amount().toWire());
            put(map, "fmv", quote.fmv().map(Money::toWire));
            put(map, "fmvConfidence", quote.fmvConfidence().map(BigDecimal::toPlainString));
            put(map, "offerToMarketRatio", quote.offerToMarketRatio().map(BigDecimal::toPlainString));
        });
        offer.jake().ifPresent(jake -> {
            map.put("jake.tier", String.valueOf(jake.tier()));
            map.put("jake.script", jake.script());
            put(map, "jake.voiceUrl", jake.voiceUrl());
        });
        offer.escalation().ifPresent(escalation -> {
            map.put("escalation.reasons", String.join("; ", escalation.reasons()));
            map.put("escalation.escalatedAt", escalation.escalatedAt().toString());
            escalation.resolution().ifPresent(resolution -> {
                map.put("escalation.action", resolution.action().code());
                map.put("escalation.reviewer", resolution.reviewer().toString());
                map.put("escalation.notes", resolution.notes());
            });
            put(map, "escalation.resolvedAt", escalation.resolvedAt().map(Instant::toString));
        });
        put(map, "expiresAt", offer.expiresAt().map(Instant::toString));
        offer.acceptance().ifPresent(acceptance -> {
            map.put("payoutMethod", acceptance.payoutMethod().code());
            map.put("address", acceptance.address().oneLine());
            map.put("acceptedAt", acceptance.acceptedAt().toString());
        });
        put(map, "shippedAt", offer.shippedAt().map(Instant::toString));
        put(map, "receivedAt", offer.receivedAt().map(Instant::toString));
        offer.verification().ifPresent(verification -> {
            map.put("verification.conditionActual", verification.grading().conditionActual().code());
            map.put("verification.approved", String.valueOf(verification.grading().approved()));
            put(map, "verification.serialNumber", verification.grading().serialNumber());
            put(map, "verification.notes", verification.grading().notes());
            map.put("verification.verifiedAt", verification.verifiedAt().toString());
            map.put("verification.regradesUsed", String.valueOf(verification.regradesUsed()));
            verification.revision().ifPresent(revision -> {
                map.put("revision.originalAmount", revision.originalAmount().toWire());
                map.put("revision.revisedAmount", revision.revisedAmount().toWire());
                map.put("revision.state", revision.state().code());
                put(map, "revision.answerBy", revision.answerBy().map(Instant::toString));
                put(map, "revision.approvedBy", revision.approvedBy().map(Object::toString));
            });
        });
        put(map, "paidAt", offer.paidAt().map(Instant::toString));
        offer.dispute().ifPresent(dispute -> {
            map.put("dispute.reason", dispute.reason());
            map.put("dispute.from", dispute.disputedFrom().code());
            map.put("dispute.openedAt", dispute.openedAt().toString());
            put(map, "dispute.outcome", dispute.outcome().map(DisputeOutcome::code));
            put(map, "dispute.resolvedAt", dispute.resolvedAt().map(Instant::toString));
        });
        offer.closure().ifPresent(closure -> {
            put(map, "closure.reason", closure.reason());
            map.put("closure.at", closure.at().toString());
        });
        map.put("updatedAt", offer.updatedAt().toString());
        return map;
    }

    private static void put(Map<String, String> map, String key, Optional<String> value) {
        value.ifPresent(v -> map.put(key, v));
    }

    private static Set<String> union(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
