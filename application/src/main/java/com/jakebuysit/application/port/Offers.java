package com.jakebuysit.application.port;

import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.pricing.ComparableSale;
import com.jakebuysit.domain.pricing.PricingDecision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offers, and what the pipeline learned about each beside the aggregate itself (the
 * comparables found, the pricing decision and its breakdown, identifiers read from the item).
 */
public interface Offers {

    /** @param origin where an offer came from: the client IP of an anonymous seller, its stream token hash */
    void insert(Offer offer, Origin origin);

    Optional<Offer> byId(OfferId id);

    /** Reads the offer and locks its row until the transaction ends. */
    Optional<Offer> lockById(OfferId id);

    /**
     * Stores every field of the aggregate and bumps its version.
     *
     * @return the offer at its new version
     * @throws ConcurrentUpdate when the stored version is not {@code offer.version()}
     */
    Offer update(Offer offer);

    /** A seller's own offers, newest first, optionally filtered. */
    Page<Offer> listForSeller(UserId seller, Optional<OfferStatus> status, Optional<Category> category,
                              Optional<String> cursor, int limit);

    Optional<String> streamTokenHash(OfferId id);

    /** The identify step's side result: identifiers (UPC, ISBN, IMEI…) the identifier read. */
    void saveIdentifiers(OfferId id, Map<String, String> identifiers);

    Map<String, String> identifiers(OfferId id);

    /** The market step's result; its presence means the step is done. */
    void saveMarketFindings(OfferId id, MarketFindings findings);

    Optional<MarketFindings> marketFindings(OfferId id);

    /** The pricing step's result; its presence means the step is done. */
    void savePricing(OfferId id, PricingDecision decision);

    Optional<StoredPricing> pricing(OfferId id);

    /** Offers in processing whose last change is older than {@code before}: work a dead server left. */
    List<OfferId> stalledInProcessing(Instant before, int limit);

    /** For velocity rules. */
    int countCreatedBySellerSince(UserId seller, Instant since);

    int countCreatedFromIpSince(String ip, Instant since);

    /**
     * The total of offers accepted since {@code since}, for the daily spend cap. An acceptance held
     * for review is not counted until a reviewer approves it (approval re-dates it).
     */
    Money acceptedTotalSince(Instant since);

    /**
     * {@link #acceptedTotalSince} after taking a lock held until the transaction ends, so accepts
     * check the cap one at a time and two cannot both fit under the day's last dollars.
     */
    Money lockDailySpend(Instant since);

    /** Ready offers whose {@code expiresAt} is at or before {@code now}, earliest first. */
    List<OfferId> readyExpiredBy(Instant now, int limit);

    record Origin(Optional<String> anonymousIp, Optional<String> streamTokenHash) {
    }

    /**
     * @param usedCategoryDefaults true when research failed and pricing fell back to the category's
     *     default margins (no comparables)
     */
    record MarketFindings(List<ComparableSale> comparables, String source, boolean usedCategoryDefaults) {
        public MarketFindings {
            comparables = List.copyOf(comparables);
        }
    }

    /** What pricing decided, as stored: enough to show the breakdown and confidence again. */
    record StoredPricing(PricingDecision decision) {
    }
}
