package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.out.local.LocalCarrier;
import com.jakebuysit.adapters.out.local.LocalDiskPhotoStore;
import com.jakebuysit.adapters.out.memory.InMemoryOfferEvents;
import com.jakebuysit.adapters.out.postgres.JdbiAuditLog;
import com.jakebuysit.adapters.out.postgres.JdbiFraudChecks;
import com.jakebuysit.adapters.out.postgres.JdbiOffers;
import com.jakebuysit.adapters.out.postgres.JdbiRulesConfig;
import com.jakebuysit.adapters.out.postgres.JdbiShipments;
import com.jakebuysit.adapters.out.postgres.JdbiTransactor;
import com.jakebuysit.adapters.out.postgres.JdbiUsers;
import com.jakebuysit.adapters.out.postgres.QueueEscalationChannel;
import com.jakebuysit.application.offers.AcceptOffer;
import com.jakebuysit.application.offers.ExpireOffers;
import com.jakebuysit.application.offers.LapseUnshippedOffers;
import com.jakebuysit.application.port.AuditLog.Actor;
import com.jakebuysit.application.port.Carrier;
import com.jakebuysit.application.port.CarrierRefused;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.shipping.ShipmentIssuer;
import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.shipping.Shipment;
import com.jakebuysit.domain.shipping.ShipmentStatus;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.domain.testing.MutableClock;
import com.jakebuysit.domain.testing.OfferBuilder;
import com.jakebuysit.testsupport.AccountFixtures;
import com.jakebuysit.testsupport.TestDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offer actions where time and money matter, on the real PostgreSQL through the real adapters
 * with a clock the test moves: the daily spend cap (held, never over-granted under concurrency),
 * the expiry job, and the job that voids labels nobody scanned.
 */
class OfferLifecycleUseCasesTest {

    private static final Instant START = Instant.parse("2031-05-04T09:00:00Z");
    private static final Address FROM = new Address("Pat Seller", "1 Main St", "Austin", "TX", "78701", "US");

    @TempDir
    static Path photos;

    private static TestDatabase db;
    private static MutableClock clock;
    private static JdbiOffers offers;
    private static JdbiShipments shipments;
    private static LocalCarrier carrier;
    /** The local carrier, counted: how many labels were bought and how many given back. */
    private static final AtomicInteger PURCHASED = new AtomicInteger();
    private static final AtomicInteger VOIDED = new AtomicInteger();
    private static AccountFixtures accounts;
    private static AcceptOffer accept;
    private static ExpireOffers expire;
    private static LapseUnshippedOffers lapse;
    private static final List<OfferEvents.OfferEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void wire() {
        db = TestDatabase.migrated("offerlifecycle");
        clock = new MutableClock(START);
        offers = new JdbiOffers(db.jdbi());
        shipments = new JdbiShipments(db.jdbi());
        carrier = new LocalCarrier(clock);
        accounts = new AccountFixtures(db.jdbi());
        JdbiTransactor transactor = new JdbiTransactor(db.jdbi());
        ObjectMapper json = new ObjectMapper();
        JdbiAuditLog audit = new JdbiAuditLog(db.jdbi(), json);
        JdbiRulesConfig rules = new JdbiRulesConfig(db.jdbi());
        LocalDiskPhotoStore store = new LocalDiskPhotoStore(photos, "0123456789abcdef0123456789abcdef"
                .getBytes(StandardCharsets.UTF_8), URI.create("http://localhost:8080"), clock);
        Carrier counted = new Carrier() {
            @Override
            public Label purchaseLabel(LabelRequest request) {
                Label label = carrier.purchaseLabel(request);
                PURCHASED.incrementAndGet();
                return label;
            }

            @Override
            public void voidLabel(String carrierShipmentId) {
                carrier.voidLabel(carrierShipmentId);
                VOIDED.incrementAndGet();
            }
        };
        ShipmentIssuer issuer = new ShipmentIssuer(counted, store, shipments, audit,
                new Address("JakeBuysIt Warehouse", "100 Dock Rd", "Reno", "NV", "89502", "US"), clock);
        InMemoryOfferEvents delivered = new InMemoryOfferEvents();
        OfferEvents events = new OfferEvents() {
            @Override
            public void publish(OfferEvent event) {
                EVENTS.add(event);
                delivered.publish(event);
            }

            @Override
            public Subscription subscribe(UUID offerId, java.util.function.Consumer<OfferEvent> listener) {
                return delivered.subscribe(offerId, listener);
            }
        };
        accept = new AcceptOffer(transactor, offers, new JdbiUsers(db.jdbi()), new JdbiFraudChecks(db.jdbi(), json),
                rules, issuer, audit, events, new QueueEscalationChannel(new MetricRegistry()), clock);
        expire = new ExpireOffers(transactor, offers, audit, events, clock);
        lapse = new LapseUnshippedOffers(transactor, offers, shipments, issuer, rules, audit, events, clock);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void freshDay() {
        // Each test starts on its own day, so the day's spend is the test's alone.
        clock.set(clock.instant().plus(Duration.ofDays(40)));
        EVENTS.clear();
        PURCHASED.set(0);
        VOIDED.set(0);
    }

    @Test
    void anAcceptanceThatWouldPassTheDailyCapIsHeldWithoutALabel() {
        User seller = seller();
        Offer big = ready(seller, "6000.00");
        Offer bigger = ready(seller, "4500.00");

        AcceptOffer.Result first = accept.accept(command(big, seller));
        AcceptOffer.Result second = accept.accept(command(bigger, seller));

        assertThat(first.held()).isFalse();
        assertThat(first.shipment()).isPresent();
        assertThat(second.held()).isTrue();
        assertThat(second.shipment()).isEmpty();
        assertThat(second.heldBecause()).hasSize(1);
        assertThat(second.heldBecause().get(0)).contains("daily spend cap");
        Offer stored = offers.byId(bigger.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(stored.isHeldForReview()).isTrue();
        assertThat(shipments.byOfferId(bigger.id())).isEmpty();
        assertThat(offers.acceptedTotalSince(startOfDay())).as("a held acceptance is not spent")
                .isEqualTo(Money.usd("6000.00"));
        String verdict = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT result FROM fraud_checks WHERE offer_id = :id AND check_type = 'accept'")
                .bind("id", bigger.id().value()).mapTo(String.class).one());
        assertThat(verdict).isEqualTo("escalate");
        assertThat(EVENTS).extracting(OfferEvents.OfferEvent::offerId).contains(bigger.id().value());
        // The held acceptance's label was bought before the cap check and given back after it.
        assertThat(PURCHASED.get()).isEqualTo(2);
        assertThat(VOIDED.get()).isEqualTo(1);
    }

    @Test
    void concurrentAcceptsNeverSpendPastTheCap() throws Exception {
        // 24 offers of $700 against a $10,000 cap: exactly 14 fit ($9,800), the other 10 are held.
        List<Offer> ready = new ArrayList<>();
        List<User> sellers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            User seller = seller();
            sellers.add(seller);
            ready.add(ready(seller, "700.00"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<AcceptOffer.Result>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                AcceptOffer.Command command = command(ready.get(i), sellers.get(i));
                results.add(pool.submit(() -> {
                    go.await();
                    return accept.accept(command);
                }));
            }
            go.countDown();
            int held = 0;
            for (Future<AcceptOffer.Result> result : results) {
                held += result.get().held() ? 1 : 0;
            }
            assertThat(held).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(offers.acceptedTotalSince(startOfDay())).isEqualTo(Money.usd("9800.00"));
        int labels = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM shipments s JOIN offers o"
                + " ON o.id = s.offer_id WHERE o.accepted_at >= :since").bind("since", startOfDay())
                .mapTo(Integer.class).one());
        assertThat(labels).isEqualTo(14);
        assertThat(PURCHASED.get()).as("every accept bought its label before the cap check").isEqualTo(24);
        assertThat(VOIDED.get()).as("and the held ones gave theirs back").isEqualTo(10);
    }

    @Test
    void theExpiryJobEndsReadyOffersPastTheirExpiryAndNothingElse() {
        User seller = seller();
        Offer due = ready(seller, "25.00");
        clock.advance(Duration.ofDays(3));
        Offer fresh = ready(seller, "26.00");
        Offer accepted = ready(seller, "27.00");
        accept.accept(command(accepted, seller));

        clock.advance(Duration.ofDays(4).plusMinutes(1));
        int expired = expire.expireDue(100);

        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(offers.byId(due.id()).orElseThrow().status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(offers.byId(fresh.id()).orElseThrow().status()).isEqualTo(OfferStatus.READY);
        assertThat(offers.byId(accepted.id()).orElseThrow().status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(expire.expireDue(100)).as("a second run finds nothing left").isZero();
        assertThat(auditActions(due.id())).contains("offer.expired");
        assertThat(EVENTS).anySatisfy(e -> {
            assertThat(e.offerId()).isEqualTo(due.id().value());
            assertThat(e.status()).isEqualTo("expired");
        });

        clock.advance(Duration.ofDays(3));
        assertThat(expire.expireDue(100)).isGreaterThanOrEqualTo(1);
        assertThat(offers.byId(fresh.id()).orElseThrow().status()).isEqualTo(OfferStatus.EXPIRED);
    }

    @Test
    void aLabelNobodyScannedWithinTheShipByWindowIsVoidedAndItsOfferLapses() {
        User seller = seller();
        Offer offer = ready(seller, "55.00");
        Shipment shipment = accept.accept(command(offer, seller)).shipment().orElseThrow();

        clock.advance(Duration.ofDays(20));
        lapse.lapseDue(100);
        assertThat(shipments.byId(shipment.id()).orElseThrow().status()).as("still inside the window")
                .isEqualTo(ShipmentStatus.LABEL_CREATED);
        assertThat(offers.byId(offer.id()).orElseThrow().status()).isEqualTo(OfferStatus.ACCEPTED);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(lapse.lapseDue(100)).isGreaterThanOrEqualTo(1);

        assertThat(shipments.byId(shipment.id()).orElseThrow().status()).isEqualTo(ShipmentStatus.VOIDED);
        Offer lapsed = offers.byId(offer.id()).orElseThrow();
        assertThat(lapsed.status()).isEqualTo(OfferStatus.CANCELLED);
        assertThat(lapsed.closure().orElseThrow().reason().orElseThrow()).contains("no carrier scan");
        assertThat(auditActions(offer.id())).contains("offer.lapsed_unshipped");
        // The carrier took the label back: voiding it again is refused, as a real carrier does.
        assertThatThrownBy(() -> carrier.voidLabel(shipment.carrierShipmentId())).isInstanceOf(CarrierRefused.class);
        assertThat(lapse.lapseDue(100)).as("nothing of this test is left to void").isZero();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static User seller() {
        return accounts.account("lifecycle-" + UUID.randomUUID() + "@example.com", Set.of(Role.USER), false);
    }

    private static Offer ready(User seller, String amount) {
        Offer offer = OfferBuilder.anOffer().by(seller.id()).withAmount(Money.usd(amount))
                .inStatus(OfferStatus.READY).on(new MutableClock(clock.instant().minus(Duration.ofMinutes(10))))
                .build();
        offers.insert(offer, new Offers.Origin(Optional.empty(), Optional.empty()));
        return offer;
    }

    private static AcceptOffer.Command command(Offer offer, User seller) {
        return new AcceptOffer.Command(offer.id(), seller.id(), Optional.empty(), PayoutMethod.JAKE_BUCKS, FROM,
                new Actor(Optional.of(seller.id().toString()), "user", Optional.of("203.0.113.5"),
                        Optional.of("test"), Optional.of("req-" + UUID.randomUUID())));
    }

    private static Instant startOfDay() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    }

    private static List<String> auditActions(OfferId offer) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT action FROM audit_log WHERE entity_id = :id ORDER BY id")
                .bind("id", offer.toString()).mapTo(String.class).list());
    }
}
