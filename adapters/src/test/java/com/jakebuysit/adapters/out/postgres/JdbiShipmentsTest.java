package com.jakebuysit.adapters.out.postgres;

import static com.jakebuysit.domain.testing.OfferBuilder.anOffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.DuplicateShipment;
import com.jakebuysit.application.port.Offers.Origin;
import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.ShipmentId;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.shipping.Shipment;
import com.jakebuysit.domain.shipping.ShipmentStatus;
import com.jakebuysit.domain.shipping.ShipmentTransitionRefused;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.domain.testing.MutableClock;
import com.jakebuysit.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shipments on the real PostgreSQL: round trips, one per offer, unique tracking, the version guard, the void job's query. */
class JdbiShipmentsTest {

    private static final AtomicLong SERIAL = new AtomicLong(1_000_000);

    private static TestDatabase db;
    private static Jdbi jdbi;
    private static JdbiShipments shipments;
    private static JdbiOffers offers;

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00.123456Z");

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated("jdbishipments");
        jdbi = db.jdbi();
        shipments = new JdbiShipments(jdbi);
        offers = new JdbiOffers(jdbi);
        new JdbiUsers(jdbi).insert(User.register(Fixtures.SELLER, Email.of("seller@example.com"), Optional.empty(),
                "Seller", Optional.empty(), TrustScore.of(50), Fixtures.T0.minus(Duration.ofDays(100))));
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void a_new_shipment_reads_back_equal_by_id_offer_and_tracking_number() {
        Shipment shipment = newShipment(acceptedOffer(), Optional.of(LocalDate.of(2026, 3, 6)));

        shipments.insert(shipment);

        assertThat(shipments.byId(shipment.id())).contains(shipment);
        assertThat(shipments.byOfferId(shipment.offerId())).contains(shipment);
        assertThat(shipments.byTrackingNumber(shipment.trackingNumber())).contains(shipment);
        assertThat(shipments.byId(ShipmentId.random())).isEmpty();
        assertThat(shipments.byOfferId(OfferId.random())).isEmpty();
        assertThat(shipments.byTrackingNumber("JBI0")).isEmpty();
    }

    @Test
    void an_address_without_a_second_line_and_no_delivery_estimate_read_back_equal() {
        Address from = new Address("Sam", "5 Oak Ave", "Dallas", "TX", "75201-1234", "US");
        Shipment shipment = Shipment.issued(ShipmentId.random(), acceptedOffer(),
                new Shipment.Label("local", "Ground", tracking(), "shp_x", Money.usd("0.00"), Optional.empty()),
                "labels/x.pdf", clock.instant().plus(Duration.ofDays(21)), from, clock);

        shipments.insert(shipment);

        assertThat(shipments.byId(shipment.id())).contains(shipment);
    }

    @Test
    void times_with_nanoseconds_read_back_equal_to_the_shipment_that_was_written() {
        clock.set(Instant.parse("2026-03-02T10:00:00.123456789Z"));
        Shipment shipment = Shipment.issued(ShipmentId.random(), acceptedOffer(),
                new Shipment.Label("local", "Ground", tracking(), "shp_nanos", Money.usd("6.95"), Optional.empty()),
                "labels/nanos.pdf", clock.instant().plus(Duration.ofDays(21)), Fixtures.address(), clock);

        shipments.insert(shipment);

        assertThat(shipments.byId(shipment.id())).contains(shipment);
        assertThat(shipment.createdAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00.123456Z"));
    }

    @Test
    void the_history_survives_updates_and_each_update_bumps_the_version() {
        Shipment shipment = newShipment(acceptedOffer(), Optional.empty());
        shipments.insert(shipment);

        clock.advance(Duration.ofHours(5));
        Shipment scanned = shipments.update(shipment.tracked(ShipmentStatus.IN_TRANSIT, clock.instant(),
                Optional.of("Accepted at USPS Origin Facility")));
        clock.advance(Duration.ofHours(20));
        Shipment delivered = shipments.update(scanned.tracked(ShipmentStatus.DELIVERED, clock.instant(),
                Optional.empty()));

        assertThat(scanned.version()).isEqualTo(1);
        assertThat(delivered.version()).isEqualTo(2);
        Shipment stored = shipments.byId(shipment.id()).orElseThrow();
        assertThat(stored).isEqualTo(delivered);
        assertThat(stored.statusHistory()).extracting(e -> e.status().code())
                .containsExactly("label_created", "in_transit", "delivered");
        assertThat(stored.statusHistory().get(1).detail()).contains("Accepted at USPS Origin Facility");
        assertThatThrownBy(() -> stored.voided("late", clock)).isInstanceOf(ShipmentTransitionRefused.class);
    }

    @Test
    void an_update_from_a_stale_version_is_refused_and_changes_nothing() {
        Shipment shipment = newShipment(acceptedOffer(), Optional.empty());
        shipments.insert(shipment);
        shipments.update(shipment.voided("seller cancelled", clock));

        assertThatThrownBy(() -> shipments.update(shipment.tracked(ShipmentStatus.IN_TRANSIT, clock.instant(),
                Optional.empty())))
                .isInstanceOf(ConcurrentUpdate.class);
        assertThat(shipments.byId(shipment.id()).orElseThrow().status()).isEqualTo(ShipmentStatus.VOIDED);
    }

    @Test
    void of_twelve_writers_racing_from_one_version_exactly_one_wins() throws Exception {
        Shipment shipment = newShipment(acceptedOffer(), Optional.empty());
        shipments.insert(shipment);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String reason = "writer " + i;
            results.add(pool.submit(() -> {
                go.await();
                try {
                    shipments.update(shipment.voided(reason, clock));
                    return true;
                } catch (ConcurrentUpdate lost) {
                    return false;
                }
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> result : results) {
            won += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(won).isEqualTo(1);
        Shipment stored = shipments.byId(shipment.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.statusHistory()).hasSize(2);
    }

    @Test
    void a_second_shipment_for_the_same_offer_is_refused() {
        OfferId offer = acceptedOffer();
        shipments.insert(newShipment(offer, Optional.empty()));

        assertThatThrownBy(() -> shipments.insert(newShipment(offer, Optional.empty())))
                .isInstanceOfSatisfying(DuplicateShipment.class,
                        e -> assertThat(e.conflict()).isEqualTo(DuplicateShipment.Conflict.OFFER));
    }

    @Test
    void a_tracking_number_is_used_once_across_offers() {
        Shipment first = newShipment(acceptedOffer(), Optional.empty());
        shipments.insert(first);
        Shipment sameTracking = Shipment.issued(ShipmentId.random(), acceptedOffer(),
                new Shipment.Label("local", "Ground", first.trackingNumber(), "shp_other", Money.usd("6.95"),
                        Optional.empty()), "labels/other.pdf", first.shipBy(), Fixtures.address(), clock);

        assertThatThrownBy(() -> shipments.insert(sameTracking))
                .isInstanceOfSatisfying(DuplicateShipment.class,
                        e -> assertThat(e.conflict()).isEqualTo(DuplicateShipment.Conflict.TRACKING_NUMBER));
        assertThat(shipments.byOfferId(sameTracking.offerId())).isEmpty();
    }

    @Test
    void unscanned_before_lists_only_unscanned_labels_past_the_given_time_earliest_first() {
        // This class's other tests share the table: work far in the future so only these rows qualify.
        Instant base = Instant.parse("2040-01-01T00:00:00Z");
        Shipment late2 = withShipBy(base.minus(Duration.ofDays(2)));
        Shipment late1 = withShipBy(base.minus(Duration.ofDays(3)));
        Shipment late3 = withShipBy(base.minus(Duration.ofSeconds(1)));
        Shipment onTheDot = withShipBy(base);
        Shipment notYet = withShipBy(base.plus(Duration.ofDays(1)));
        Shipment scanned = withShipBy(base.minus(Duration.ofDays(4)));
        Shipment voided = withShipBy(base.minus(Duration.ofDays(5)));
        for (Shipment s : List.of(late2, late1, late3, onTheDot, notYet, scanned, voided)) {
            shipments.insert(s);
        }
        shipments.update(scanned.tracked(ShipmentStatus.IN_TRANSIT, clock.instant(), Optional.empty()));
        shipments.update(voided.voided("cancelled", clock));

        List<Shipment> due = shipments.unscannedBefore(base, 100).stream()
                .filter(s -> !s.shipBy().isBefore(base.minus(Duration.ofDays(30))))
                .toList();

        assertThat(due).extracting(Shipment::id).containsExactly(late1.id(), late2.id(), late3.id());
        assertThat(shipments.unscannedBefore(base, 2)).hasSize(2);
        assertThatThrownBy(() -> shipments.unscannedBefore(base, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_status_codes_are_exactly_those_the_table_accepts() {
        String check = jdbi.withHandle(h -> h.createQuery("""
                SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                 WHERE c.conname = 'shipments_status_check' AND n.nspname = current_schema()
                """).mapTo(String.class).one());
        List<String> allowed = new ArrayList<>();
        Matcher quoted = Pattern.compile("'([a-z_]+)'").matcher(check);
        while (quoted.find()) {
            allowed.add(quoted.group(1));
        }

        assertThat(allowed).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ShipmentStatus.values()).map(ShipmentStatus::code).toList());
    }

    private Shipment withShipBy(Instant shipBy) {
        return Shipment.issued(ShipmentId.random(), acceptedOffer(),
                new Shipment.Label("local", "Ground", tracking(), "shp_" + SERIAL.get(), Money.usd("6.95"),
                        Optional.empty()), "labels/" + SERIAL.get() + ".pdf", shipBy, Fixtures.address(), clock);
    }

    private Shipment newShipment(OfferId offer, Optional<LocalDate> estimated) {
        String tracking = tracking();
        return Shipment.issued(ShipmentId.random(), offer,
                new Shipment.Label("local", "Ground", tracking, "shp_" + tracking, Money.usd("7.40"), estimated),
                "labels/" + offer + "/" + tracking + ".pdf", clock.instant().plus(Duration.ofDays(21)),
                Fixtures.address(), clock);
    }

    private static String tracking() {
        return "JBI" + SERIAL.incrementAndGet();
    }

    private static OfferId acceptedOffer() {
        Offer offer = anOffer().inStatus(OfferStatus.ACCEPTED).build();
        offers.insert(offer, new Origin(Optional.empty(), Optional.empty()));
        return offer.id();
    }
}
