package com.jakebuysit.bootstrap;

import static com.jakebuysit.domain.testing.OfferBuilder.anOffer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.out.local.LocalCarrier;
import com.jakebuysit.adapters.out.local.LocalDiskPhotoStore;
import com.jakebuysit.adapters.out.postgres.JdbiAuditLog;
import com.jakebuysit.adapters.out.postgres.JdbiOffers;
import com.jakebuysit.adapters.out.postgres.JdbiShipments;
import com.jakebuysit.adapters.out.postgres.JdbiTransactor;
import com.jakebuysit.application.port.Offers.Origin;
import com.jakebuysit.application.shipping.ShipmentIssuer;
import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.ShipmentId;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.shipping.Shipment;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.testsupport.AccountFixtures;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /api/v1/shipments/{id}} on the whole app: the seller and staff see the shipment with a
 * label link that works; another seller is refused (403, as for offers); no token is 401.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ShipmentsApiTest {

    private static final TestDatabase DB = TestDatabase.create("shipmentsapi");
    private static final Path PHOTOS = tempDirectory();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "shipmentsapi",
                    Map.of("providers.photos.localDirectory", PHOTOS.toString())));

    enum Caller { OWNER, OTHER_USER, REVIEWER, WAREHOUSE, ADMIN }

    private static final Map<Caller, User> ACCOUNTS = new java.util.EnumMap<>(Caller.class);
    private static HttpCalls http;
    private static ShipmentIssuer issuer;
    private static JdbiOffers offers;
    private static JdbiTransactor transactor;
    private static Shipment shipment;
    private static byte[] labelDocument;

    @BeforeAll
    static void aShipment() {
        AccountFixtures fixtures = new AccountFixtures(DB.jdbi());
        ACCOUNTS.put(Caller.OWNER, fixtures.account("owner@example.com", Set.of(Role.USER), false));
        ACCOUNTS.put(Caller.OTHER_USER, fixtures.account("other@example.com", Set.of(Role.USER), false));
        ACCOUNTS.put(Caller.REVIEWER, fixtures.account("reviewer@example.com", Set.of(Role.REVIEWER), false));
        ACCOUNTS.put(Caller.WAREHOUSE, fixtures.account("warehouse@example.com", Set.of(Role.WAREHOUSE), false));
        ACCOUNTS.put(Caller.ADMIN, fixtures.account("admin@example.com", EnumSet.of(Role.USER, Role.ADMIN), false));
        http = new HttpCalls(APP.getLocalPort());

        // Issued as AcceptOffer does, into the directory the app serves its photo store from.
        LocalDiskPhotoStore store = new LocalDiskPhotoStore(PHOTOS,
                "a-photo-url-secret-of-32-bytes-at-least!".getBytes(StandardCharsets.UTF_8),
                URI.create("http://localhost:8080"), Clock.systemUTC());
        offers = new JdbiOffers(DB.jdbi());
        transactor = new JdbiTransactor(DB.jdbi());
        issuer = new ShipmentIssuer(new LocalCarrier(Clock.systemUTC()), store, new JdbiShipments(DB.jdbi()),
                new JdbiAuditLog(DB.jdbi(), new ObjectMapper()),
                new Address("JakeBuysIt Receiving", "4100 Logistics Way", "Reno", "NV", "89502", "US"),
                Clock.systemUTC());
        shipment = issueFor(ACCOUNTS.get(Caller.OWNER));
        labelDocument = store.get(shipment.labelKey()).orElseThrow().content();
    }

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    @ParameterizedTest
    @EnumSource(value = Caller.class, names = {"OWNER", "REVIEWER", "WAREHOUSE", "ADMIN"})
    void the_seller_and_staff_see_the_shipment_with_a_label_link_that_serves_the_pdf(Caller caller) {
        HttpResponse<String> response = http.get(path(shipment.id()), HttpCalls.tokenFor(ACCOUNTS.get(caller)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = HttpCalls.body(response);
        assertThat(body.path("id").asText()).isEqualTo(shipment.id().toString());
        assertThat(body.path("offerId").asText()).isEqualTo(shipment.offerId().toString());
        assertThat(body.path("carrier").asText()).isEqualTo("local");
        assertThat(body.path("service").asText()).isEqualTo("Ground");
        assertThat(body.path("trackingNumber").asText()).isEqualTo(shipment.trackingNumber()).startsWith("JBI");
        assertThat(body.path("status").asText()).isEqualTo("label_created");
        assertThat(body.path("statusHistory")).hasSize(1);
        assertThat(body.path("statusHistory").get(0).path("status").asText()).isEqualTo("label_created");
        assertThat(body.path("statusHistory").get(0).path("at").asText())
                .isEqualTo(shipment.statusHistory().get(0).at().toString());
        assertThat(body.path("estimatedDelivery").asText())
                .isEqualTo(shipment.estimatedDelivery().orElseThrow().toString());
        assertThat(body.has("labelCost")).as("our cost is not the seller's business").isFalse();
        assertThat(body.path("shipBy").asText()).isEqualTo(shipment.shipBy().toString());

        HttpResponse<byte[]> label = fetch(body.path("labelUrl").asText());
        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(label.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(label.body()).isEqualTo(labelDocument);
    }

    @Test
    void another_seller_is_refused_as_for_offers_and_gets_no_link() {
        HttpResponse<String> response = http.get(path(shipment.id()),
                HttpCalls.tokenFor(ACCOUNTS.get(Caller.OTHER_USER)));

        assertError(response, 403, "FORBIDDEN");
        assertThat(response.body()).doesNotContain(shipment.trackingNumber(), "labelUrl");
    }

    @Test
    void without_a_token_it_is_401() {
        assertError(http.get(path(shipment.id()), null), 401, "UNAUTHORIZED");
    }

    @Test
    void an_unknown_or_malformed_id_is_404() {
        String token = HttpCalls.tokenFor(ACCOUNTS.get(Caller.ADMIN));

        assertError(http.get(path(ShipmentId.random()), token), 404, "NOT_FOUND");
        assertError(http.get("/api/v1/shipments/not-a-uuid", token), 404, "NOT_FOUND");
    }

    @Test
    void a_voided_label_is_shown_without_a_link_to_print_it() {
        Shipment voidedOne = issueFor(ACCOUNTS.get(Caller.OWNER));
        transactor.inTransaction(() -> issuer.voidUnscanned(voidedOne, "seller cancelled"));

        HttpResponse<String> response = http.get(path(voidedOne.id()),
                HttpCalls.tokenFor(ACCOUNTS.get(Caller.OWNER)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = HttpCalls.body(response);
        assertThat(body.path("status").asText()).isEqualTo("voided");
        assertThat(body.path("labelUrl").isNull()).isTrue();
        assertThat(body.path("statusHistory").get(1).path("detail").asText()).isEqualTo("seller cancelled");
    }

    private static Shipment issueFor(User seller) {
        Offer offer = anOffer().inStatus(OfferStatus.ACCEPTED).by(seller.id()).build();
        offers.insert(offer, new Origin(Optional.empty(), Optional.empty()));
        return transactor.inTransaction(() -> issuer.issue(offer, Fixtures.address(),
                Instant.now().plus(Duration.ofDays(21))));
    }

    private static String path(ShipmentId id) {
        return "/api/v1/shipments/" + id;
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = HttpCalls.body(response);
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("statusCode").asInt()).isEqualTo(status);
    }

    private static HttpResponse<byte[]> fetch(String url) {
        URI link = URI.create(url);
        URI local = URI.create("http://localhost:" + APP.getLocalPort() + link.getRawPath()
                + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
        try {
            return HTTP.send(HttpRequest.newBuilder(local).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("shipmentsapi-photos");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
