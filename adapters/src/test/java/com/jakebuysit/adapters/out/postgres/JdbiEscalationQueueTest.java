package com.jakebuysit.adapters.out.postgres;

import static com.jakebuysit.domain.testing.OfferBuilder.anOffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.InvalidCursor;
import com.jakebuysit.application.port.Offers.Origin;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.offer.EscalationResolution;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.rules.BusinessRules;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.domain.testing.MutableClock;
import com.jakebuysit.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reviewers' queue read from the offers table on the real PostgreSQL: which offers are in it,
 * in which order, and its keyset pages. One schema, filled once; each test reads all of it.
 */
class JdbiEscalationQueueTest {

    private static final BusinessRules RULES = BusinessRules.defaults();
    private static final Origin NO_ORIGIN = new Origin(Optional.empty(), Optional.empty());
    private static final Instant BASE = Instant.parse("2031-01-10T08:00:00Z");

    private static TestDatabase db;
    private static JdbiOffers offers;
    private static JdbiEscalationQueue queue;
    /** The queue's items in the order it must list them. */
    private static final List<OfferId> EXPECTED = new ArrayList<>();

    @BeforeAll
    static void fill() {
        db = TestDatabase.migrated("escalationqueue");
        offers = new JdbiOffers(db.jdbi());
        queue = new JdbiEscalationQueue(db.jdbi());
        JdbiUsers users = new JdbiUsers(db.jdbi());
        for (UserId id : List.of(Fixtures.SELLER, Fixtures.REVIEWER)) {
            users.insert(User.register(id, Email.of(id + "@example.com"), Optional.empty(), "User " + id,
                    Optional.empty(), TrustScore.of(50), BASE.minus(Duration.ofDays(100))));
        }

        // Inserted out of order on purpose: the queue orders by when each item entered it.
        Offer heldAt30 = held(BASE.plus(Duration.ofMinutes(30)));
        Offer escalatedAt10 = escalated(BASE.plus(Duration.ofMinutes(10)));
        Offer disputedAt20 = disputed(BASE.plus(Duration.ofMinutes(20)));
        Offer escalatedAt40 = escalated(BASE.plus(Duration.ofMinutes(40)));
        Offer anonymousAt50 = store(anOffer().anonymous().inStatus(OfferStatus.ESCALATED)
                .on(new MutableClock(BASE.plus(Duration.ofMinutes(49)))).build());
        // Two items entering at the same instant are ordered by id.
        Offer tieA = escalated(BASE.plus(Duration.ofMinutes(60)));
        Offer tieB = escalated(BASE.plus(Duration.ofMinutes(60)));
        List<Offer> tie = new ArrayList<>(List.of(tieA, tieB));
        // PostgreSQL orders uuids by their unsigned bytes, as their hex text sorts; UUID.compareTo is signed.
        tie.sort((a, b) -> a.id().value().toString().compareTo(b.id().value().toString()));

        EXPECTED.addAll(List.of(escalatedAt10.id(), disputedAt20.id(), heldAt30.id(), escalatedAt40.id(),
                anonymousAt50.id(), tie.get(0).id(), tie.get(1).id()));

        // Not in the queue: never escalated, resolved escalations, an approved held acceptance.
        store(anOffer().inStatus(OfferStatus.READY).build());
        store(anOffer().inStatus(OfferStatus.PROCESSING).build());
        store(anOffer().inStatus(OfferStatus.SHIPPED).build());
        MutableClock clock = new MutableClock(BASE);
        Offer approved = anOffer().inStatus(OfferStatus.ESCALATED).on(clock).build().recordQuote(
                com.jakebuysit.domain.pricing.Quote.of(Money.usd("80.00"), Money.usd("150.00"),
                        new java.math.BigDecimal("0.9")), clock)
                .resolveEscalation(new EscalationResolution.Approve(Fixtures.REVIEWER, "fine"), RULES.pricingRules(),
                        clock);
        store(approved);
        store(anOffer().inStatus(OfferStatus.ESCALATED).on(new MutableClock(BASE)).build()
                .resolveEscalation(new EscalationResolution.Reject(Fixtures.REVIEWER, "no"), RULES.pricingRules(),
                        clock));
        Offer heldThenApproved = held(BASE.plus(Duration.ofMinutes(5)));
        offers.update(heldThenApproved.resolveEscalation(new EscalationResolution.Approve(Fixtures.REVIEWER, "ok"),
                RULES.pricingRules(), new MutableClock(BASE.plus(Duration.ofMinutes(6)))));
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void listsEscalationsHeldAcceptancesAndDisputesOldestFirstAndNothingElse() {
        Page<Offer> page = queue.oldestFirst(Optional.empty(), 100);

        assertThat(page.items()).extracting(Offer::id).containsExactlyElementsOf(EXPECTED);
        assertThat(page.nextCursor()).isEmpty();
        assertThat(queue.size()).isEqualTo(EXPECTED.size());
    }

    @Test
    void pagesOfTwoWalkTheSameOrderWithoutRepeatsOrGaps() {
        List<OfferId> walked = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<Offer> page = queue.oldestFirst(cursor, 2);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(offer -> walked.add(offer.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 20);

        assertThat(walked).containsExactlyElementsOf(EXPECTED);
        assertThat(pages).isEqualTo((EXPECTED.size() + 1) / 2);
    }

    @Test
    void aCursorWeDidNotMakeIsRefused() {
        assertThatThrownBy(() -> queue.oldestFirst(Optional.of("not-a-cursor"), 10))
                .isInstanceOf(InvalidCursor.class);
    }

    private static Offer escalated(Instant at) {
        return store(anOffer().inStatus(OfferStatus.ESCALATED).on(new MutableClock(at.minus(Duration.ofMinutes(1))))
                .build());
    }

    /** Accepted over the cap at {@code at}, still waiting for a reviewer; created two hours before. */
    private static Offer held(Instant at) {
        MutableClock clock = new MutableClock(at.minus(Duration.ofHours(2)));
        Offer ready = anOffer().inStatus(OfferStatus.READY).on(clock).build();
        clock.set(at);
        return store(ready.acceptHeld(PayoutMethod.STRIPE, Fixtures.address(), List.of("daily spend cap"), clock));
    }

    /** Disputed at {@code at}; created a day before, so creation order is not queue order. */
    private static Offer disputed(Instant at) {
        MutableClock clock = new MutableClock(at.minus(Duration.ofDays(1)));
        Offer shipped = anOffer().inStatus(OfferStatus.SHIPPED).on(clock).build();
        clock.set(at);
        return store(shipped.dispute("the warehouse says the box was empty", clock));
    }

    private static Offer store(Offer offer) {
        offers.insert(offer, NO_ORIGIN);
        return offer;
    }
}
