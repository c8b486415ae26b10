package com.jakebuysit.application.testing;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.InvalidCursor;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.application.account.SecretTokens;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.pricing.PricingDecision;
import com.jakebuysit.domain.pricing.Quote;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The offers in a map, answering every query of the port as the PostgreSQL adapter does (version
 * checks, held acceptances left out of the day's spend), for use cases tested without a database.
 * Single-threaded: {@link #lockById} is {@link #byId}.
 */
public final class MemoryOffers implements Offers {

    private final Map<OfferId, Offer> rows = new LinkedHashMap<>();
    private final Map<OfferId, Origin> origins = new HashMap<>();
    private final Map<OfferId, Map<String, String>> identifiers = new HashMap<>();
    private final Map<OfferId, MarketFindings> market = new HashMap<>();
    private final Map<OfferId, StoredPricing> pricing = new HashMap<>();
    private Runnable nextRead;

    /** Stores an offer as it is (any version), for a test's setup. */
    public Offer put(Offer offer) {
        rows.put(offer.id(), offer);
        return offer;
    }

    /** Gives an offer the stream token its submitter holds. */
    public void streamToken(OfferId id, String token) {
        Origin origin = origins.getOrDefault(id, new Origin(Optional.empty(), Optional.empty()));
        origins.put(id, new Origin(origin.anonymousIp(), Optional.of(SecretTokens.hash(token))));
    }

    /** Runs once, during the next read of an offer: something that happens while a reader reads. */
    public void onNextRead(Runnable action) {
        nextRead = action;
    }

    @Override
    public void insert(Offer offer, Origin origin) {
        if (rows.containsKey(offer.id())) {
            throw new IllegalStateException("offer " + offer.id() + " exists");
        }
        rows.put(offer.id(), offer);
        origins.put(offer.id(), origin);
    }

    @Override
    public Optional<Offer> byId(OfferId id) {
        Runnable action = nextRead;
        nextRead = null;
        if (action != null) {
            action.run();
        }
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Offer> lockById(OfferId id) {
        return byId(id);
    }

    @Override
    public Offer update(Offer offer) {
        Offer stored = rows.get(offer.id());
        if (stored == null || stored.version() != offer.version()) {
            throw new ConcurrentUpdate("offer", offer.id().toString());
        }
        Offer next = offer.withVersion(offer.version() + 1);
        rows.put(next.id(), next);
        return next;
    }

    /** Newest first; the cursor is the offset of the next page. */
    @Override
    public Page<Offer> listForSeller(UserId seller, Optional<OfferStatus> status, Optional<Category> category,
                                     Optional<String> cursor, int limit) {
        List<Offer> matching = rows.values().stream()
                .filter(o -> o.sellerId().equals(Optional.of(seller)))
                .filter(o -> status.map(s -> o.status() == s).orElse(true))
                .filter(o -> category.map(c -> o.identification().map(i -> i.item().category() == c).orElse(false))
                        .orElse(true))
                .sorted(Comparator.comparing(Offer::createdAt).reversed())
                .toList();
        int from = cursor.map(MemoryOffers::offset).orElse(0);
        int to = Math.min(matching.size(), from + limit);
        return new Page<>(matching.subList(Math.min(from, to), to),
                to < matching.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }

    @Override
    public Optional<String> streamTokenHash(OfferId id) {
        return Optional.ofNullable(origins.get(id)).flatMap(Origin::streamTokenHash);
    }

    @Override
    public void saveIdentifiers(OfferId id, Map<String, String> values) {
        identifiers.put(existing(id), Map.copyOf(values));
    }

    @Override
    public Map<String, String> identifiers(OfferId id) {
        return identifiers.getOrDefault(id, Map.of());
    }

    @Override
    public void saveMarketFindings(OfferId id, MarketFindings findings) {
        market.put(existing(id), findings);
    }

    @Override
    public Optional<MarketFindings> marketFindings(OfferId id) {
        return Optional.ofNullable(market.get(id));
    }

    @Override
    public void savePricing(OfferId id, PricingDecision decision) {
        pricing.put(existing(id), new StoredPricing(decision));
    }

    @Override
    public Optional<StoredPricing> pricing(OfferId id) {
        return Optional.ofNullable(pricing.get(id));
    }

    @Override
    public List<OfferId> stalledInProcessing(Instant before, int limit) {
        return rows.values().stream()
                .filter(o -> o.status() == OfferStatus.PROCESSING && o.updatedAt().isBefore(before))
                .sorted(Comparator.comparing(Offer::updatedAt))
                .limit(limit).map(Offer::id).toList();
    }

    @Override
    public int countCreatedBySellerSince(UserId seller, Instant since) {
        return (int) rows.values().stream()
                .filter(o -> o.sellerId().equals(Optional.of(seller)) && !o.createdAt().isBefore(since)).count();
    }

    @Override
    public int countCreatedFromIpSince(String ip, Instant since) {
        return (int) rows.values().stream()
                .filter(o -> Optional.ofNullable(origins.get(o.id())).flatMap(Origin::anonymousIp)
                        .filter(ip::equals).isPresent() && !o.createdAt().isBefore(since)).count();
    }

    @Override
    public Money acceptedTotalSince(Instant since) {
        return rows.values().stream()
                .filter(o -> o.acceptedAt().filter(at -> !at.isBefore(since)).isPresent())
                // A held acceptance opened its escalation at the instant it was accepted (as the adapter reads it).
                .filter(o -> !o.escalation().map(e -> e.escalatedAt().equals(o.acceptedAt().get())).orElse(false))
                .map(o -> o.quote().map(Quote::amount).orElse(Money.ZERO))
                .reduce(Money.ZERO, Money::plus);
    }

    @Override
    public Money lockDailySpend(Instant since) {
        return acceptedTotalSince(since);
    }

    @Override
    public List<OfferId> readyExpiredBy(Instant now, int limit) {
        return rows.values().stream()
                .filter(o -> o.status() == OfferStatus.READY && !o.expiresAt().orElseThrow().isAfter(now))
                .sorted(Comparator.comparing(o -> o.expiresAt().orElseThrow()))
                .limit(limit).map(Offer::id).toList();
    }

    private OfferId existing(OfferId id) {
        if (!rows.containsKey(Objects.requireNonNull(id, "id"))) {
            throw new IllegalStateException("no offer " + id);
        }
        return id;
    }

    private static int offset(String cursor) {
        try {
            return Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidCursor();
        }
    }
}
