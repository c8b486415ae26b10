package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.adapters.out.postgres.JdbiOffers;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.pricing.Quote;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.testsupport.AccountFixtures;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both escalation routes × every kind of caller, with the exact status each must get: reviewers
 * and admins decide, nobody else even reads the queue. A refused decision leaves the offer as it was.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EscalationsAccessMatrixTest {

    private static final TestDatabase DB = TestDatabase.create("escalationsmatrix");

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "escalationsmatrix"))
            .addListener(new DropwizardAppExtension.ServiceListener<>() {
                @Override
                public void onStop(DropwizardAppExtension<JakeBuysItConfiguration> app) {
                    DB.close();
                }
            });

    enum Caller { ANONYMOUS, SELLER, OTHER_USER, WAREHOUSE, BANNED_REVIEWER, REVIEWER, ADMIN }

    record Route(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** {offer} is a fresh escalated offer of the seller for each call. */
    static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/v1/admin/escalations", null),
            new Route("POST", "/api/v1/admin/escalations/{offer}/resolve",
                    "{\"action\":\"custom_price\",\"amount\":\"33.00\",\"notes\":\"matrix\"}"));

    private static final Map<Caller, User> ACCOUNTS = new EnumMap<>(Caller.class);
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    private static HttpCalls http;
    private static JdbiOffers offers;

    @BeforeAll
    static void accounts() {
        AccountFixtures fixtures = new AccountFixtures(DB.jdbi());
        ACCOUNTS.put(Caller.SELLER, fixtures.account("seller@example.com", Set.of(Role.USER), false));
        ACCOUNTS.put(Caller.OTHER_USER, fixtures.account("other@example.com", Set.of(Role.USER), false));
        ACCOUNTS.put(Caller.WAREHOUSE, fixtures.account("warehouse@example.com", Set.of(Role.WAREHOUSE), false));
        ACCOUNTS.put(Caller.BANNED_REVIEWER, fixtures.account("banned@example.com", Set.of(Role.REVIEWER), true));
        ACCOUNTS.put(Caller.REVIEWER, fixtures.account("reviewer@example.com", Set.of(Role.REVIEWER), false));
        ACCOUNTS.put(Caller.ADMIN, fixtures.account("admin@example.com", EnumSet.of(Role.USER, Role.ADMIN), false));
        ACCOUNTS.forEach((caller, user) -> TOKENS.put(caller, HttpCalls.tokenFor(user)));
        http = new HttpCalls(APP.getLocalPort());
        offers = new JdbiOffers(DB.jdbi());
    }

    @AfterAll
    static void nothing() {
        // The schema is dropped when the application stops (see the listener).
    }

    static Stream<Arguments> everyRouteForEveryCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(route, caller, expected(caller)));
            }
        }
        return cases.stream();
    }

    static int expected(Caller caller) {
        return switch (caller) {
            case ANONYMOUS, BANNED_REVIEWER -> 401;
            case SELLER, OTHER_USER, WAREHOUSE -> 403;
            case REVIEWER, ADMIN -> 200;
        };
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("everyRouteForEveryCaller")
    void answersExactlyAsTheMatrixSays(Route route, Caller caller, int status) {
        Offer offer = escalated();
        String path = route.path().replace("{offer}", offer.id().toString());

        HttpResponse<String> response = http.send(route.method(), path, TOKENS.get(caller), route.body());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = HttpCalls.body(response);
        Offer after = offers.byId(offer.id()).orElseThrow();
        if (status != 200) {
            assertThat(body.path("statusCode").asInt()).isEqualTo(status);
            assertThat(body.path("code").asText()).isEqualTo(status == 401 ? "UNAUTHORIZED" : "FORBIDDEN");
            assertThat(after).as("a refused caller changes nothing").isEqualTo(offer);
            return;
        }
        if (route.method().equals("GET")) {
            assertThat(body.path("data")).extracting(item -> item.path("offerId").asText())
                    .contains(offer.id().toString());
            assertThat(body.path("queueSize").asLong()).isPositive();
        } else {
            assertThat(after.status()).isEqualTo(OfferStatus.READY);
            assertThat(after.quote().orElseThrow().amount()).isEqualTo(Money.usd("33.00"));
        }
    }

    private static Offer escalated() {
        Clock clock = Clock.systemUTC();
        Offer offer = Offer.create(OfferId.random(), Optional.of(ACCOUNTS.get(Caller.SELLER).id()),
                        Fixtures.submission(), clock)
                .recordIdentification(Fixtures.identification(), clock)
                .recordQuote(Quote.of(Money.usd("30.00"), Money.usd("60.00"), new BigDecimal("0.80")), clock)
                .escalate(List.of("trust: a reviewer looks first"), clock);
        offers.insert(offer, new Offers.Origin(Optional.empty(), Optional.empty()));
        return offers.byId(offer.id()).orElseThrow();
    }
}
