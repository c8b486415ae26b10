package com.jakebuysit.application.port;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.ledger.EntryType;
import com.jakebuysit.domain.offer.OfferStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What a seller sees of their own activity: figures, a merged history, the Jake Bucks statement. */
public interface AccountSummaries {

    /** The account's figures (see {@link Dashboard} for what each counts); empty when there is no such account. */
    Optional<Dashboard> dashboard(UserId owner);

    /** The account's offers, payouts and Jake Bucks entries in one list, newest first. */
    Page<HistoryItem> history(UserId owner, Optional<String> cursor, int limit);

    /** The account's Jake Bucks ledger entries, newest first. */
    Page<JakeBucksLine> jakeBucks(UserId owner, Optional<String> cursor, int limit);

    /**
     * @param activeOffers offers in an {@link #ACTIVE} status
     * @param completedSales offers in a {@link #COMPLETED} status
     * @param totalEarned the account's payouts in status {@code paid}: amount plus Jake Bucks bonus
     */
    record Dashboard(long activeOffers, long completedSales, Money totalEarned, Money jakeBucksBalance, int trustScore) {

        /**
         * Still under way for the seller: being priced or reviewed, waiting for their answer, or
         * accepted and not yet paid (in transit, at the warehouse, verified, or disputed). Not
         * active: the ones that ended without a sale (declined, expired, rejected, cancelled,
         * returned) and the paid ones.
         */
        public static final Set<OfferStatus> ACTIVE = Collections.unmodifiableSet(EnumSet.of(
                OfferStatus.PROCESSING, OfferStatus.ESCALATED, OfferStatus.READY, OfferStatus.ACCEPTED,
                OfferStatus.SHIPPED, OfferStatus.RECEIVED, OfferStatus.VERIFIED, OfferStatus.DISPUTED));

        /** A sale is completed once the seller is paid (a later dispute takes it out again). */
        public static final Set<OfferStatus> COMPLETED = Collections.unmodifiableSet(EnumSet.of(OfferStatus.PAID));

        public Dashboard {
            Objects.requireNonNull(totalEarned, "totalEarned");
            Objects.requireNonNull(jakeBucksBalance, "jakeBucksBalance");
        }
    }

    /** One line of the merged history. */
    sealed interface HistoryItem {
        UUID id();

        Instant createdAt();
    }

    /** @param title what the item is, as well as it is known (brand and model, category, or the description) */
    record OfferItem(UUID id, Instant createdAt, OfferStatus status, Optional<String> title,
                     Optional<Money> offerAmount) implements HistoryItem {
    }

    record PayoutItem(UUID id, Instant createdAt, UUID offerId, PayoutMethod method, String status, Money amount,
                      Money bonusAmount) implements HistoryItem {
    }

    record JakeBucksItem(UUID id, Instant createdAt, EntryType entryType, Money amount, Money balanceAfter,
                         Optional<String> description) implements HistoryItem {
    }

    /** One Jake Bucks ledger entry as its owner sees it. */
    record JakeBucksLine(UUID id, EntryType type, Money amount, Money balanceAfter, Optional<String> referenceType,
                         Optional<String> referenceId, Optional<String> description, Instant createdAt) {
    }
}
