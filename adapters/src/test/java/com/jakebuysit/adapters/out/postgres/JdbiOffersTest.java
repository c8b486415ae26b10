package com.jakebuysit.adapters.out.postgres;

import static com.jakebuysit.domain.testing.OfferBuilder.anOffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.InvalidCursor;
import com.jakebuysit.application.port.Offers.MarketFindings;
import com.jakebuysit.application.port.Offers.Origin;
import com.jakebuysit.application.port.Offers.StoredPricing;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.jake.JakeScript;
import com.jakebuysit.domain.offer.DisputeOutcome;
import com.jakebuysit.domain.offer.EscalationResolution;
import com.jakebuysit.domain.offer.Grading;
import com.jakebuysit.domain.offer.Identification;
import com.jakebuysit.domain.offer.Item;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.offer.RevisionState;
import com.jakebuysit.domain.offer.Submission;
import com.jakebuysit.domain.pricing.FmvEstimate;
import com.jakebuysit.domain.pricing.PricingDecision;
import com.jakebuysit.domain.pricing.PricingEngine;
import com.jakebuysit.domain.pricing.PricingPath;
import com.jakebuysit.domain.pricing.PricingRequest;
import com.jakebuysit.domain.pricing.Quote;
import com.jakebuysit.domain.pricing.SellerStanding;
import com.jakebuysit.domain.rules.BusinessRules;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.domain.testing.MutableClock;
import com.jakebuysit.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Offers on the real PostgreSQL: every status and every part of the aggregate reads back equal to
 * what was written, the version column guards concurrent writers, a seller's list pages by keyset,
 * and the pipeline's side results and the counters work.
 */
class JdbiOffersTest {

    private static final BusinessRules RULES = BusinessRules.defaults();
    private static final Origin NO_ORIGIN = new Origin(Optional.empty(), Optional.empty());

    private static TestDatabase db;
    private static Jdbi jdbi;
    private static JdbiOffers offers;
    private static JdbiTransactor transactor;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated("jdbioffers");
        jdbi = db.jdbi();
        offers = new JdbiOffers(jdbi);
        transactor = new JdbiTransactor(jdbi);
        JdbiUsers users = new JdbiUsers(jdbi);
        for (UserId id : List.of(Fixtures.SELLER, Fixtures.OTHER_SELLER, Fixtures.REVIEWER)) {
            users.insert(User.register(id, Email.of(id + "@example.com"), Optional.empty(), "User " + id,
                    Optional.empty(), TrustScore.of(50), Fixtures.T0.minus(Duration.ofDays(100))));
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    // ---- round trips ------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(OfferStatus.class)
    void an_offer_in_any_status_reads_back_equal(OfferStatus status) {
        Offer offer = anOffer().inStatus(status).build();

        offers.insert(offer, NO_ORIGIN);

        assertThat(offers.byId(offer.id())).contains(offer);
        assertThat(transactor.inTransaction(() -> offers.lockById(offer.id()))).contains(offer);
    }

    @ParameterizedTest
    @EnumSource(value = OfferStatus.class, names = {"PROCESSING", "READY", "DECLINED", "EXPIRED", "ACCEPTED", "PAID"})
    void an_anonymous_or_claimed_offer_reads_back_equal(OfferStatus status) {
        Offer offer = anOffer().anonymous().inStatus(status).build();

        offers.insert(offer, new Origin(Optional.of("203.0.113.9"), Optional.of("token-hash")));

        assertThat(offers.byId(offer.id())).contains(offer);
        assertThat(offers.streamTokenHash(offer.id())).contains("token-hash");
    }

    @Test
    void every_part_of_the_aggregate_survives_each_command_of_a_long_life() {
        MutableClock clock = MutableClock.at("2026-04-01T09:00:00.123456Z");
        Offer offer = Offer.create(OfferId.random(), Optional.empty(), Fixtures.submission(), clock);
        offers.insert(offer, new Origin(Optional.of("2001:db8::7"), Optional.of("stream-hash")));
        assertThat(offers.byId(offer.id())).contains(offer);

        Item item = new Item(Category.GAMING, Optional.empty(), Optional.of("Nintendo"), Optional.empty(),
                Condition.GOOD, List.of("dock", "two controllers"), List.of("scratch on the screen"));
        // Confidences at scales the old NUMERIC(4,3) columns could not hold exactly.
        offer = step(offer, offer.recordIdentification(new Identification(item, new BigDecimal("0.9")), tick(clock)));
        offer = step(offer, offer.claim(Fixtures.SELLER, tick(clock)));
        offer = step(offer, offer.recordQuote(Quote.of(Money.usd("130.00"), Money.usd("251.37"),
                new BigDecimal("0.123456789")), tick(clock)));
        offer = step(offer, offer.escalate(List.of("identification; not sure", "price above the review amount"),
                tick(clock)));
        offer = step(offer, offer.recordJake(new JakeScript(3, "Well now, partner.", Optional.of("voice/abc.mp3")),
                tick(clock)));
        offer = step(offer, offer.resolveEscalation(new EscalationResolution.CustomPrice(Fixtures.REVIEWER,
                Money.usd("99.50"), "scratched screen"), RULES.pricingRules(), tick(clock)));
        offer = step(offer, offer.accept(PayoutMethod.JAKE_BUCKS, Fixtures.address(), tick(clock)));
        offer = step(offer, offer.markShipped(tick(clock)));
        offer = step(offer, offer.markReceived(tick(clock)));
        offer = step(offer, offer.verify(Grading.revised(Condition.FAIR, Money.usd("60.00")), RULES.verification(),
                tick(clock)));
        assertThat(offer.verification().orElseThrow().revision().orElseThrow().state())
                .isEqualTo(RevisionState.AWAITING_REVIEWER);
        offer = step(offer, offer.approveRevision(Fixtures.REVIEWER, RULES.verification(), tick(clock)));
        offer = step(offer, offer.requestRegrade(RULES.verification(), tick(clock)));
        offer = step(offer, offer.regrade(new Grading(Condition.GOOD, true, Optional.of(Money.usd("90.00")),
                Optional.of("SN-123"), Optional.of("second grader")), RULES.verification(), tick(clock)));
        offer = step(offer, offer.acceptRevision(tick(clock)));
        offer = step(offer, offer.markPaid(tick(clock)));
        offer = step(offer, offer.dispute("the item arrived, the money did not", tick(clock)));
        offer = step(offer, offer.resolveDispute(DisputeOutcome.SELLER_LOST, tick(clock)));

        assertThat(offer.version()).isEqualTo(17);
        assertThat(offer.status()).isEqualTo(OfferStatus.PAID);
        OfferId id = offer.id();
        String stored = jdbi.withHandle(h -> h.createQuery("""
                        SELECT ai_confidence::text || ' ' || fmv_confidence::text || ' ' || offer_to_market_ratio::text
                               || ' ' || revision_status || ' ' || (revision_answered_at IS NOT NULL)
                               || ' ' || host(anonymous_ip) || ' ' || array_to_string(escalation_reasons, '|')
                          FROM offers WHERE id = :id""")
                .bind("id", id.value()).mapTo(String.class).one());
        assertThat(stored).isEqualTo("0.9 0.123456789 0.3958 accepted true 2001:db8::7 "
                        + "identification; not sure|price above the review amount");
    }

    @Test
    void the_other_endings_read_back_equal() {
        MutableClock clock = MutableClock.at("2026-05-01T08:00:00Z");
        List<Offer> endings = new ArrayList<>();
        Offer escalated = anOffer().inStatus(OfferStatus.ESCALATED).on(clock).build();
        endings.add(escalated.resolveEscalation(new EscalationResolution.Reject(Fixtures.REVIEWER, "stock photo"),
                RULES.pricingRules(), tick(clock)));
        Offer escalatedWithQuote = anOffer().on(clock).build()
                .recordQuote(Quote.of(Money.usd("10.00"), Money.usd("20.00"), new BigDecimal("0.5")), tick(clock))
                .escalate(List.of("review"), tick(clock));
        endings.add(escalatedWithQuote.resolveEscalation(new EscalationResolution.Approve(Fixtures.REVIEWER, "fine"),
                RULES.pricingRules(), tick(clock)));
        Offer escalatedWithoutQuote = anOffer().inStatus(OfferStatus.ESCALATED).on(clock).build();
        endings.add(escalatedWithoutQuote.resolveEscalation(new EscalationResolution.CustomPrice(Fixtures.REVIEWER,
                Money.usd("15.00"), "priced by hand"), RULES.pricingRules(), tick(clock)));
        endings.add(anOffer().inStatus(OfferStatus.READY).on(clock).build().decline(Optional.empty(), tick(clock)));
        Offer accepted = anOffer().inStatus(OfferStatus.ACCEPTED).on(clock).build();
        endings.add(accepted.cancel("changed my mind", tick(clock)));
        clock.advance(RULES.pricingRules().firstScanWithin());
        endings.add(accepted.lapseUnshipped(RULES.pricingRules(), clock));
        Offer revised = anOffer().inStatus(OfferStatus.RECEIVED).on(clock).build()
                .verify(Grading.revised(Condition.GOOD, Money.usd("110.00")), RULES.verification(), tick(clock));
        endings.add(revised);
        endings.add(revised.rejectRevision(tick(clock)));
        clock.advance(RULES.verification().revisionAnswerWithin());
        endings.add(revised.lapseRevision(clock));
        Offer disputed = anOffer().inStatus(OfferStatus.RETURNED).on(clock).build().dispute("it was genuine",
                tick(clock));
        endings.add(disputed);
        endings.add(disputed.resolveDispute(DisputeOutcome.SELLER_WON, tick(clock)));

        for (Offer ending : endings) {
            Offer offer = asNew(ending);
            offers.insert(offer, NO_ORIGIN);
            assertThat(offers.byId(offer.id())).as(offer.status().code()).contains(offer);
        }
    }

    @Test
    void times_are_kept_to_the_microsecond() {
        MutableClock clock = MutableClock.at("2026-06-01T10:00:00.123456789Z");
        Offer offer = anOffer().on(clock).build();

        offers.insert(offer, NO_ORIGIN);

        Offer read = offers.byId(offer.id()).orElseThrow();
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-06-01T10:00:00.123456Z"));
        assertThat(read.updatedAt()).isEqualTo(read.createdAt());
    }

    @Test
    void an_unknown_offer_is_absent() {
        assertThat(offers.byId(OfferId.random())).isEmpty();
        assertThat(offers.streamTokenHash(OfferId.random())).isEmpty();
        assertThat(offers.identifiers(OfferId.random())).isEmpty();
        assertThat(offers.marketFindings(OfferId.random())).isEmpty();
        assertThat(offers.pricing(OfferId.random())).isEmpty();
    }

    // ---- optimistic locking -----------------------------------------------------------------

    @Test
    void an_update_bumps_the_version_and_a_stale_one_loses() {
        MutableClock clock = MutableClock.at("2026-03-10T10:00:00Z");
        Offer offer = anOffer().on(clock).build();
        offers.insert(offer, NO_ORIGIN);

        Offer first = offers.update(offer.escalate(List.of("first writer"), tick(clock)));
        assertThat(first.version()).isEqualTo(1);
        assertThat(offers.byId(offer.id())).contains(first);

        Offer stale = offer.cancel("second writer, from the old version", tick(clock));
        assertThatThrownBy(() -> offers.update(stale))
                .isInstanceOf(ConcurrentUpdate.class)
                .hasMessageContaining(offer.id().toString());
        assertThat(offers.byId(offer.id())).contains(first);

        assertThatThrownBy(() -> offers.update(anOffer().build())).isInstanceOf(ConcurrentUpdate.class);
    }

    // ---- listing ----------------------------------------------------------------------------

    @Test
    void a_sellers_list_pages_newest_first_without_gaps_or_overlaps() {
        UserId seller = newSeller();
        MutableClock clock = MutableClock.at("2026-02-01T00:00:00Z");
        List<Offer> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(insert(processing(seller, Category.GAMING, clock)));
            clock.advance(Duration.ofMinutes(5));
        }
        // Three made in the same microsecond: the id breaks the tie.
        for (int i = 0; i < 3; i++) {
            mine.add(insert(processing(seller, Category.GAMING, clock)));
        }
        insert(processing(Fixtures.OTHER_SELLER, Category.GAMING, clock));
        insert(anOffer().anonymous().build());

        List<Offer> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<Offer> page = offers.listForSeller(seller, Optional.empty(), Optional.empty(), cursor, 3);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());

        List<Offer> expected = mine.stream()
                .sorted(Comparator.comparing(Offer::createdAt).thenComparing(o -> o.id().toString()).reversed())
                .toList();
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4);

        Page<Offer> exact = offers.listForSeller(seller, Optional.empty(), Optional.empty(), Optional.empty(), 10);
        assertThat(exact.items()).hasSize(10);
        assertThat(exact.nextCursor()).as("no cursor when nothing follows").isEmpty();
    }

    @Test
    void a_sellers_list_filters_by_status_and_category() {
        UserId seller = newSeller();
        MutableClock clock = MutableClock.at("2026-02-10T00:00:00Z");
        Offer hintedBooks = insert(processing(seller, Category.BOOKS_MEDIA, clock));
        Offer processingGames = insert(processing(seller, Category.GAMING, clock.advance(Duration.ofMinutes(1))));
        Offer readyGames = insert(ready(processing(seller, Category.BOOKS_MEDIA, clock.advance(Duration.ofMinutes(1))),
                Category.GAMING, clock));
        insert(ready(processing(Fixtures.OTHER_SELLER, Category.GAMING, clock), Category.GAMING, clock));

        assertThat(list(seller, Optional.of(OfferStatus.READY), Optional.empty())).containsExactly(readyGames);
        assertThat(list(seller, Optional.of(OfferStatus.PROCESSING), Optional.empty()))
                .containsExactly(processingGames, hintedBooks);
        assertThat(list(seller, Optional.empty(), Optional.of(Category.GAMING)))
                .as("the identified category wins over the seller's hint").containsExactly(readyGames, processingGames);
        assertThat(list(seller, Optional.empty(), Optional.of(Category.BOOKS_MEDIA))).containsExactly(hintedBooks);
        assertThat(list(seller, Optional.of(OfferStatus.READY), Optional.of(Category.BOOKS_MEDIA))).isEmpty();
        assertThat(list(newSeller(), Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void a_cursor_we_did_not_make_is_refused() {
        assertThatThrownBy(() -> offers.listForSeller(Fixtures.SELLER, Optional.empty(), Optional.empty(),
                Optional.of("not-a-cursor"), 5)).isInstanceOf(InvalidCursor.class);
    }

    // ---- the pipeline's side results --------------------------------------------------------

    @Test
    void step_results_are_saved_beside_the_aggregate_and_read_back_equal() {
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        Offer offer = insert(anOffer().on(clock).build());
        assertThat(offers.identifiers(offer.id())).isEmpty();
        assertThat(offers.marketFindings(offer.id())).isEmpty();
        assertThat(offers.pricing(offer.id())).isEmpty();

        offers.saveIdentifiers(offer.id(), Map.of("upc", "045496596439", "serial", "XAW1234"));
        assertThat(offers.identifiers(offer.id())).isEqualTo(Map.of("upc", "045496596439", "serial", "XAW1234"));

        Instant now = clock.instant();
        MarketFindings findings = new MarketFindings(
                Fixtures.sales(now, 12, "240.00", "250.00", "255.50", "260.00", "900.00"), "local-sample", false);
        offers.saveMarketFindings(offer.id(), findings);
        assertThat(offers.marketFindings(offer.id())).contains(findings);

        PricingDecision decision = PricingEngine.standard().decide(new PricingRequest(Category.GAMING,
                Condition.LIKE_NEW, new BigDecimal("0.7"), findings.comparables(),
                SellerStanding.account(now.minus(Duration.ofDays(400)), TrustScore.of(60)), Money.usd("120.00"),
                now), RULES);
        assertThat(decision.marketValue()).isInstanceOf(FmvEstimate.Estimated.class);
        assertThat(((FmvEstimate.Estimated) decision.marketValue()).outliers()).isNotEmpty();
        assertThat(decision.reasons()).isNotEmpty();
        offers.savePricing(offer.id(), decision);
        assertThat(offers.pricing(offer.id())).contains(new StoredPricing(decision));

        // Side results are not the aggregate: its version is untouched, so the step's update still applies.
        Offer priced = offers.update(offer.recordQuote(decision.quote().orElseThrow(), tick(clock)));
        assertThat(priced.version()).isEqualTo(1);
        assertThat(offers.pricing(offer.id())).contains(new StoredPricing(decision));
        List<String> flags = jdbi.withHandle(h -> h.createQuery("SELECT unnest(flags) FROM offers WHERE id = :id")
                .bind("id", offer.id().value()).mapTo(String.class).list());
        assertThat(flags).containsExactlyInAnyOrderElementsOf(decision.reasons().stream().map(r -> r.rule()).distinct().toList());
    }

    @Test
    void a_decision_without_a_market_value_round_trips_too() {
        Offer offer = insert(anOffer().build());
        MarketFindings none = new MarketFindings(List.of(), "category-defaults", true);
        offers.saveMarketFindings(offer.id(), none);
        PricingDecision decision = PricingEngine.standard().decide(new PricingRequest(Category.TOOLS_EQUIPMENT,
                Condition.POOR, new BigDecimal("0.95"), List.of(), SellerStanding.anonymous(TrustScore.of(50)),
                Money.ZERO, Fixtures.T0), RULES);
        assertThat(decision.marketValue()).isInstanceOf(FmvEstimate.NeedsHuman.class);
        assertThat(decision.path()).isEqualTo(PricingPath.ESCALATE);

        offers.savePricing(offer.id(), decision);

        assertThat(offers.marketFindings(offer.id())).contains(none);
        assertThat(offers.pricing(offer.id())).contains(new StoredPricing(decision));
    }

    @Test
    void saving_a_step_result_for_a_missing_offer_fails() {
        assertThatThrownBy(() -> offers.saveIdentifiers(OfferId.random(), Map.of("upc", "1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no offer");
    }

    // ---- counters and sweeps ----------------------------------------------------------------

    @Test
    void stalled_offers_are_those_still_processing_since_before_the_cut_off() {
        MutableClock clock = MutableClock.at("2001-01-01T00:00:00Z");
        Offer oldest = insert(anOffer().on(clock).build());
        Offer old = insert(anOffer().on(clock.advance(Duration.ofMinutes(1))).build());
        insert(anOffer().inStatus(OfferStatus.READY).on(clock.advance(Duration.ofMinutes(1))).build());
        Offer escalatedLater = anOffer().on(clock.advance(Duration.ofMinutes(1))).build();
        insert(escalatedLater);
        Instant cutOff = clock.advance(Duration.ofMinutes(10)).instant();
        offers.update(escalatedLater.escalate(List.of("left processing"), clock));
        insert(anOffer().on(clock.advance(Duration.ofMinutes(1))).build());

        assertThat(offers.stalledInProcessing(cutOff, 10)).containsExactly(oldest.id(), old.id());
        assertThat(offers.stalledInProcessing(cutOff, 1)).containsExactly(oldest.id());

        Offer touched = offers.update(offers.byId(old.id()).orElseThrow()
                .recordIdentification(Fixtures.identification(), clock.advance(Duration.ofMinutes(1))));
        assertThat(touched.updatedAt()).isAfter(cutOff);
        assertThat(offers.stalledInProcessing(cutOff, 10)).containsExactly(oldest.id());
    }

    @Test
    void offers_created_since_are_counted_per_seller_and_per_address() {
        UserId seller = newSeller();
        MutableClock clock = MutableClock.at("2026-07-01T00:00:00Z");
        insert(processing(seller, Category.GAMING, clock));
        Instant since = clock.advance(Duration.ofHours(1)).instant();
        insert(processing(seller, Category.GAMING, clock));
        insert(processing(seller, Category.GAMING, clock.advance(Duration.ofMinutes(30))));
        insert(processing(Fixtures.OTHER_SELLER, Category.GAMING, clock));

        assertThat(offers.countCreatedBySellerSince(seller, since)).isEqualTo(2);
        assertThat(offers.countCreatedBySellerSince(seller, since.minusSeconds(1))).isEqualTo(2);
        assertThat(offers.countCreatedBySellerSince(seller, clock.instant().plusSeconds(1))).isZero();
        assertThat(offers.countCreatedBySellerSince(newSeller(), since)).isZero();

        Origin fromIp = new Origin(Optional.of("198.51.100.42"), Optional.of("h"));
        offers.insert(anOffer().anonymous().on(MutableClock.at("2026-07-01T00:00:00Z")).build(), fromIp);
        offers.insert(anOffer().anonymous().on(MutableClock.at("2026-07-01T02:00:00Z")).build(), fromIp);
        offers.insert(anOffer().anonymous().on(MutableClock.at("2026-07-01T03:00:00Z")).build(), fromIp);
        offers.insert(anOffer().anonymous().on(MutableClock.at("2026-07-01T03:00:00Z")).build(),
                new Origin(Optional.of("198.51.100.43"), Optional.empty()));

        assertThat(offers.countCreatedFromIpSince("198.51.100.42", since)).isEqualTo(2);
        assertThat(offers.countCreatedFromIpSince("198.51.100.42", Instant.parse("2026-06-30T00:00:00Z")))
                .isEqualTo(3);
        assertThat(offers.countCreatedFromIpSince("192.0.2.1", since)).isZero();
    }

    @Test
    void the_accepted_total_counts_every_offer_accepted_since_whatever_became_of_it() {
        Instant since = Instant.parse("2031-01-01T00:00:00Z");
        assertThat(offers.acceptedTotalSince(since)).isEqualTo(Money.ZERO);

        // Accepted before the day starts: not counted.
        insert(anOffer().inStatus(OfferStatus.ACCEPTED).withAmount(Money.usd("1000.00"))
                .on(MutableClock.at("2030-12-31T23:00:00Z")).build());
        // Ready but not accepted: not counted.
        insert(anOffer().inStatus(OfferStatus.READY).withAmount(Money.usd("500.00"))
                .on(MutableClock.at("2031-01-01T01:00:00Z")).build());
        insert(anOffer().inStatus(OfferStatus.ACCEPTED).withAmount(Money.usd("120.10"))
                .on(MutableClock.at("2031-01-01T01:00:00Z")).build());
        insert(anOffer().inStatus(OfferStatus.PAID).withAmount(Money.usd("80.05"))
                .on(MutableClock.at("2031-01-01T02:00:00Z")).build());
        MutableClock clock = MutableClock.at("2031-01-01T03:00:00Z");
        Offer accepted = anOffer().inStatus(OfferStatus.ACCEPTED).withAmount(Money.usd("19.85")).on(clock).build();
        insert(accepted.cancel("backed out", tick(clock)));

        assertThat(offers.acceptedTotalSince(since)).isEqualTo(Money.usd("220.00"));
        assertThat(offers.acceptedTotalSince(Instant.parse("2031-01-01T02:00:00Z"))).isEqualTo(Money.usd("99.90"));
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Applies a command's result, checks it reads back equal, and returns it at its new version. */
    private static Offer step(Offer before, Offer next) {
        Offer stored = offers.update(next);
        assertThat(stored.version()).isEqualTo(before.version() + 1);
        assertThat(stored).isEqualTo(next.withVersion(before.version() + 1));
        assertThat(offers.byId(next.id())).as("after → %s", next.status().code()).contains(stored);
        return stored;
    }

    private static MutableClock tick(MutableClock clock) {
        return clock.advance(Duration.ofMinutes(1));
    }

    private static Offer insert(Offer offer) {
        offers.insert(offer, NO_ORIGIN);
        return offer;
    }

    private static Offer processing(UserId seller, Category hint, MutableClock clock) {
        Submission submission = new Submission("an item to sell", Condition.GOOD, Optional.of(hint),
                List.of("photos/" + OfferId.random() + ".jpg"));
        return Offer.create(OfferId.random(), Optional.of(seller), submission, clock);
    }

    private static Offer ready(Offer processing, Category identified, MutableClock clock) {
        Item item = new Item(identified, Optional.empty(), Optional.empty(), Optional.empty(), Condition.GOOD,
                List.of(), List.of());
        return processing.recordIdentification(new Identification(item, new BigDecimal("0.85")), clock)
                .recordQuote(Quote.of(Money.usd("40.00"), Money.usd("80.00"), new BigDecimal("0.7")), clock)
                .markReady(RULES.pricingRules(), clock);
    }

    private static List<Offer> list(UserId seller, Optional<OfferStatus> status, Optional<Category> category) {
        return offers.listForSeller(seller, status, category, Optional.empty(), Page.MAX_LIMIT).items();
    }

    private static UserId newSeller() {
        User user = Accounts.anAccount("Lister");
        new JdbiUsers(jdbi).insert(user);
        return user.id();
    }

    /** The same offer under a new id, so several endings of one history can be stored side by side. */
    private static Offer asNew(Offer o) {
        return new Offer(OfferId.random(), o.sellerId(), o.status(), o.submission(), o.identification(), o.quote(),
                o.jake(), o.escalation(), o.expiresAt(), o.acceptance(), o.shippedAt(), o.receivedAt(),
                o.verification(), o.paidAt(), o.dispute(), o.closure(), o.createdAt(), o.updatedAt(), o.version());
    }
}
