package com.jakebuysit.adapters.out.shipping;

import static com.jakebuysit.domain.testing.OfferBuilder.anOffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.out.local.LocalCarrier;
import com.jakebuysit.adapters.out.local.LocalDiskPhotoStore;
import com.jakebuysit.adapters.out.postgres.JdbiAuditLog;
import com.jakebuysit.adapters.out.postgres.JdbiOffers;
import com.jakebuysit.adapters.out.postgres.JdbiShipments;
import com.jakebuysit.adapters.out.postgres.JdbiTransactor;
import com.jakebuysit.adapters.out.postgres.JdbiUsers;
import com.jakebuysit.application.port.AddressRejected;
import com.jakebuysit.application.port.Carrier;
import com.jakebuysit.application.port.CarrierRefused;
import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.DuplicateShipment;
import com.jakebuysit.application.port.Offers.Origin;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.shipping.ShipmentIssuer;
import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.Money;
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
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issuer with real parts: the local carrier, the local-disk photo store and PostgreSQL. A label
 * bought for a shipment that cannot be stored is voided with the carrier and its document deleted.
 */
class ShipmentIssuerTest {

    private static final Address WAREHOUSE = new Address("JakeBuysIt Receiving", "4100 Logistics Way", "Reno", "NV",
            "89502", "US");

    private static TestDatabase db;
    private static Jdbi jdbi;
    private static Transactor transactor;
    private static JdbiOffers offers;
    private static JdbiShipments shipments;

    @TempDir
    Path photos;

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private RecordingCarrier carrier;
    private LocalDiskPhotoStore store;
    private ShipmentIssuer issuer;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated("shipmentissuer");
        jdbi = db.jdbi();
        transactor = new JdbiTransactor(jdbi);
        offers = new JdbiOffers(jdbi);
        shipments = new JdbiShipments(jdbi);
        new JdbiUsers(jdbi).insert(User.register(Fixtures.SELLER, Email.of("seller@example.com"), Optional.empty(),
                "Seller", Optional.empty(), TrustScore.of(50), Fixtures.T0.minus(Duration.ofDays(100))));
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void parts() {
        carrier = new RecordingCarrier(new LocalCarrier(clock));
        store = new LocalDiskPhotoStore(photos, "a-photo-url-secret-of-32-bytes-at-least!".getBytes(StandardCharsets.UTF_8),
                URI.create("http://localhost:8080"), clock);
        issuer = new ShipmentIssuer(carrier, store, shipments, new JdbiAuditLog(jdbi, new ObjectMapper()), WAREHOUSE,
                clock);
    }

    @Test
    void issuing_buys_a_label_stores_its_pdf_under_the_offer_and_inserts_an_audited_shipment() {
        Offer offer = acceptedOffer();
        Instant shipBy = clock.instant().plus(Duration.ofDays(21));

        Shipment shipment = transactor.inTransaction(() -> issuer.issue(offer, Fixtures.address(), shipBy));

        Carrier.Label label = carrier.purchases.get(0);
        assertThat(shipment.labelKey()).isEqualTo("labels/" + offer.id() + "/" + label.trackingNumber() + ".pdf");
        assertThat(store.get(shipment.labelKey())).hasValueSatisfying(stored -> {
            assertThat(stored.content()).isEqualTo(label.document());
            assertThat(stored.contentType()).isEqualTo("application/pdf");
        });
        assertThat(shipments.byOfferId(offer.id())).contains(shipment);
        assertThat(shipment.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
        assertThat(shipment.shipBy()).isEqualTo(shipBy);
        assertThat(shipment.from()).isEqualTo(Fixtures.address());
        assertThat(shipment.labelCost()).isEqualTo(label.cost());
        assertThat(carrier.delegate.isActive(label.carrierShipmentId())).isTrue();
        assertThat(auditActions(shipment.id())).containsExactly("shipment.created");
        assertThat(carrier.requests.get(0).to()).isEqualTo(WAREHOUSE);
        assertThat(carrier.requests.get(0).declaredValue()).isEqualTo(Money.usd("120.00"));
    }

    @Test
    void when_the_offer_already_has_a_shipment_the_new_label_is_voided_and_its_document_deleted() throws IOException {
        Offer offer = acceptedOffer();
        Shipment first = transactor.inTransaction(() -> issuer.issue(offer, Fixtures.address(), clock.instant()));

        assertThatThrownBy(() -> transactor.inTransaction(() -> issuer.issue(offer, Fixtures.address(), clock.instant())))
                .isInstanceOfSatisfying(DuplicateShipment.class,
                        e -> assertThat(e.conflict()).isEqualTo(DuplicateShipment.Conflict.OFFER));

        assertThat(carrier.purchases).hasSize(2);
        Carrier.Label second = carrier.purchases.get(1);
        assertThat(carrier.delegate.isActive(second.carrierShipmentId())).isFalse();
        assertThatThrownBy(() -> carrier.delegate.voidLabel(second.carrierShipmentId()))
                .isInstanceOf(CarrierRefused.class).hasMessageContaining("already voided");
        String secondKey = ShipmentIssuer.labelKey(offer.id(), second.trackingNumber(), second.contentType());
        assertThat(store.get(secondKey)).isEmpty();
        // The first shipment and its label are untouched.
        assertThat(carrier.delegate.isActive(first.carrierShipmentId())).isTrue();
        assertThat(store.get(first.labelKey())).isPresent();
        assertThat(filesUnder(offer)).containsExactly(first.trackingNumber() + ".pdf");
        assertThat(shipments.byOfferId(offer.id())).contains(first);
    }

    @Test
    void of_sixteen_issues_racing_for_one_offer_one_shipment_and_one_active_label_remain() throws Exception {
        Offer offer = acceptedOffer();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<Shipment>>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return Optional.of(transactor.inTransaction(
                            () -> issuer.issue(offer, Fixtures.address(), clock.instant())));
                } catch (DuplicateShipment lost) {
                    return Optional.<Shipment>empty();
                }
            }));
        }
        go.countDown();
        List<Shipment> won = new ArrayList<>();
        for (Future<Optional<Shipment>> result : results) {
            result.get(60, TimeUnit.SECONDS).ifPresent(won::add);
        }
        pool.shutdown();

        assertThat(won).hasSize(1);
        assertThat(carrier.purchases).hasSize(16);
        assertThat(carrier.purchases.stream().filter(l -> carrier.delegate.isActive(l.carrierShipmentId())))
                .extracting(Carrier.Label::carrierShipmentId)
                .containsExactly(won.get(0).carrierShipmentId());
        assertThat(filesUnder(offer)).containsExactly(won.get(0).trackingNumber() + ".pdf");
        assertThat(shipments.byOfferId(offer.id())).contains(won.get(0));
    }

    @Test
    void a_refused_address_buys_nothing_and_stores_nothing() throws IOException {
        Offer offer = acceptedOffer();
        Address abroad = new Address("Jean", "1 Rue de Rivoli", "Paris", "IDF", "75001", "FR");

        assertThatThrownBy(() -> transactor.inTransaction(() -> issuer.issue(offer, abroad, clock.instant())))
                .isInstanceOf(AddressRejected.class);

        assertThat(carrier.purchases).isEmpty();
        assertThat(filesUnder(offer)).isEmpty();
        assertThat(shipments.byOfferId(offer.id())).isEmpty();
    }

    @Test
    void discard_undoes_an_issue_whose_transaction_rolled_back() throws IOException {
        Offer offer = acceptedOffer();
        List<Shipment> issued = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> transactor.inTransaction(() -> {
            issued.add(issuer.issue(offer, Fixtures.address(), clock.instant()));
            throw new IllegalStateException("the use case failed after the label was bought");
        })).isInstanceOf(IllegalStateException.class);
        issuer.discard(issued.get(0));

        assertThat(shipments.byOfferId(offer.id())).isEmpty();
        assertThat(carrier.delegate.isActive(issued.get(0).carrierShipmentId())).isFalse();
        assertThat(filesUnder(offer)).isEmpty();
        assertThat(auditActions(issued.get(0).id())).isEmpty();
    }

    @Test
    void an_unscanned_label_is_voided_once_with_the_carrier_and_recorded() {
        Offer offer = acceptedOffer();
        Shipment shipment = transactor.inTransaction(() -> issuer.issue(offer, Fixtures.address(), clock.instant()));
        clock.advance(Duration.ofDays(22));

        Shipment voided = transactor.inTransaction(() -> issuer.voidUnscanned(shipment, "not scanned within 21 days"));

        assertThat(voided.status()).isEqualTo(ShipmentStatus.VOIDED);
        assertThat(shipments.byId(shipment.id())).contains(voided);
        assertThat(carrier.delegate.isActive(shipment.carrierShipmentId())).isFalse();
        assertThat(auditActions(shipment.id())).containsExactly("shipment.created", "shipment.voided");
        // A second run working from the stale row loses on the version, before reaching the carrier.
        assertThatThrownBy(() -> transactor.inTransaction(() -> issuer.voidUnscanned(shipment, "again")))
                .isInstanceOf(ConcurrentUpdate.class);
        assertThatThrownBy(() -> transactor.inTransaction(() -> issuer.voidUnscanned(voided, "again")))
                .isInstanceOf(ShipmentTransitionRefused.class);
        assertThat(carrier.voids).containsExactly(shipment.carrierShipmentId());
    }

    @Test
    void a_label_the_carrier_no_longer_knows_is_still_recorded_as_voided() {
        Offer offer = acceptedOffer();
        Shipment shipment = transactor.inTransaction(() -> issuer.issue(offer, Fixtures.address(), clock.instant()));
        // As after a restart of the local carrier, or a void whose transaction rolled back.
        carrier.delegate.voidLabel(shipment.carrierShipmentId());

        Shipment voided = transactor.inTransaction(() -> issuer.voidUnscanned(shipment, "not scanned"));

        assertThat(shipments.byId(shipment.id())).contains(voided);
    }

    private Offer acceptedOffer() {
        Offer offer = anOffer().inStatus(OfferStatus.ACCEPTED).build();
        offers.insert(offer, new Origin(Optional.empty(), Optional.empty()));
        return offer;
    }

    private List<String> filesUnder(Offer offer) throws IOException {
        Path dir = photos.resolve("labels").resolve(offer.id().toString());
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }

    private static List<String> auditActions(ShipmentId id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT action FROM audit_log WHERE entity_type = 'shipment' AND entity_id = :id ORDER BY id")
                .bind("id", id.toString()).mapTo(String.class).list());
    }

    /** The real local carrier, remembering what it was asked, so a test can find the label a failed issue bought. */
    private static final class RecordingCarrier implements Carrier {
        final LocalCarrier delegate;
        final List<Carrier.LabelRequest> requests = new CopyOnWriteArrayList<>();
        final List<Carrier.Label> purchases = new CopyOnWriteArrayList<>();
        final List<String> voids = new CopyOnWriteArrayList<>();

        RecordingCarrier(LocalCarrier delegate) {
            this.delegate = delegate;
        }

        @Override
        public Label purchaseLabel(LabelRequest request) {
            requests.add(request);
            Label label = delegate.purchaseLabel(request);
            purchases.add(label);
            return label;
        }

        @Override
        public void voidLabel(String carrierShipmentId) {
            voids.add(carrierShipmentId);
            delegate.voidLabel(carrierShipmentId);
        }
    }
}
