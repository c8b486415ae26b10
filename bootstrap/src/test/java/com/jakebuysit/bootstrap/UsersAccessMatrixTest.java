package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.adapters.out.jwt.JwtAccessTokens;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.testsupport.AccountFixtures;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every users and admin-user route × every kind of caller, with the exact status each must get.
 * The one list of routes is {@link #ROUTES}; a route added to the API belongs there.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class UsersAccessMatrixTest {

    private static final TestDatabase DB = TestDatabase.create("usersmatrix");

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "usersmatrix"));

    /** Who calls. */
    enum Caller { ANONYMOUS, FORGED_TOKEN, EXPIRED_TOKEN, BANNED, OWNER, OTHER_USER, REVIEWER, WAREHOUSE, ADMIN }

    /** Who may: any signed-in account on its own data, or admins only. */
    enum Access { SIGNED_IN, ADMIN }

    record Route(String method, String path, String body, Access access) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every route of the users API and the admin-user API; {owner} is the owner's account id. */
    static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/v1/users/me", null, Access.SIGNED_IN),
            new Route("PATCH", "/api/v1/users/me", "{\"name\":\"Matrix Name\"}", Access.SIGNED_IN),
            new Route("GET", "/api/v1/users/me/dashboard", null, Access.SIGNED_IN),
            new Route("PUT", "/api/v1/users/me/payout-method", "{\"method\":\"jake_bucks\"}", Access.SIGNED_IN),
            new Route("GET", "/api/v1/users/me/history", null, Access.SIGNED_IN),
            new Route("GET", "/api/v1/users/me/jake-bucks", null, Access.SIGNED_IN),
            new Route("GET", "/api/v1/admin/users?query=example", null, Access.ADMIN),
            new Route("PATCH", "/api/v1/admin/users/{owner}", "{\"trustScore\":55}", Access.ADMIN));

    private static final Map<Caller, User> ACCOUNTS = new java.util.EnumMap<>(Caller.class);
    private static final Map<Caller, String> TOKENS = new java.util.EnumMap<>(Caller.class);
    private static HttpCalls http;

    @BeforeAll
    static void accounts() {
        AccountFixtures fixtures = new AccountFixtures(DB.jdbi());
        ACCOUNTS.put(Caller.OWNER, fixtures.account("owner@example.com", Set.of(Role.USER), false));
        ACCOUNTS.put(Caller.OTHER_USER, fixtures.account("other@example.com", Set.of(Role.USER), false));
        ACCOUNTS.put(Caller.REVIEWER, fixtures.account("reviewer@example.com", Set.of(Role.REVIEWER), false));
        ACCOUNTS.put(Caller.WAREHOUSE, fixtures.account("warehouse@example.com", Set.of(Role.WAREHOUSE), false));
        ACCOUNTS.put(Caller.ADMIN, fixtures.account("admin@example.com", EnumSet.of(Role.USER, Role.ADMIN), false));
        // Banned, yet holding an admin role: the ban must win everywhere.
        ACCOUNTS.put(Caller.BANNED, fixtures.account("banned@example.com", EnumSet.of(Role.USER, Role.ADMIN), true));
        ACCOUNTS.forEach((caller, user) -> TOKENS.put(caller, HttpCalls.tokenFor(user)));

        User owner = ACCOUNTS.get(Caller.OWNER);
        TOKENS.put(Caller.FORGED_TOKEN, new JwtAccessTokens("another-secret-of-at-least-thirty-two-bytes!!"
                .getBytes(StandardCharsets.UTF_8), "jakebuysit", "jakebuysit-api", Duration.ofMinutes(15))
                .issue(owner.id(), EnumSet.of(Role.USER, Role.ADMIN), Instant.now()).token());
        TOKENS.put(Caller.EXPIRED_TOKEN, HttpCalls.TOKENS.issue(owner.id(), owner.roles(),
                Instant.now().minus(Duration.ofHours(1))).token());

        // The owner has history and Jake Bucks; nobody else does, so a leak would show.
        fixtures.offer(owner.id(), "ready", Instant.now());
        fixtures.jakeBucks(owner.id(), "credit", "10.00", "10.00", Instant.now());
        fixtures.balance(owner.id(), "10.00");
        http = new HttpCalls(APP.getLocalPort());
    }

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    static Stream<Arguments> everyRouteForEveryCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(route, caller, expected(route, caller)));
            }
        }
        return cases.stream();
    }

    static int expected(Route route, Caller caller) {
        return switch (caller) {
            case ANONYMOUS, FORGED_TOKEN, EXPIRED_TOKEN, BANNED -> 401;
            case ADMIN -> 200;
            case OWNER, OTHER_USER, REVIEWER, WAREHOUSE -> route.access() == Access.SIGNED_IN ? 200 : 403;
        };
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("everyRouteForEveryCaller")
    void answersExactlyAsTheMatrixSays(Route route, Caller caller, int status) {
        String path = route.path().replace("{owner}", ACCOUNTS.get(Caller.OWNER).id().toString());

        HttpResponse<String> response = http.send(route.method(), path, TOKENS.get(caller), route.body());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = HttpCalls.body(response);
        if (status != 200) {
            assertThat(body.path("statusCode").asInt()).isEqualTo(status);
            assertThat(body.path("code").asText()).isEqualTo(status == 401 ? "UNAUTHORIZED" : "FORBIDDEN");
            return;
        }
        if (route.access() == Access.SIGNED_IN) {
            assertOnlyOwnData(route, caller, body);
        }
    }

    /** A /me route answers about the caller's own account, whoever else's data exists. */
    private static void assertOnlyOwnData(Route route, Caller caller, JsonNode body) {
        User self = ACCOUNTS.get(caller);
        boolean isOwner = caller == Caller.OWNER;
        switch (route.path()) {
            case "/api/v1/users/me", "/api/v1/users/me/payout-method" -> {
                JsonNode user = body.has("user") ? body.path("user") : body;
                assertThat(user.path("id").asText()).isEqualTo(self.id().toString());
                assertThat(user.path("email").asText()).isEqualTo(self.email().value());
            }
            case "/api/v1/users/me/dashboard" -> {
                assertThat(body.path("activeOffers").asInt()).isEqualTo(isOwner ? 1 : 0);
                assertThat(body.path("jakeBucksBalance").asText()).isEqualTo(isOwner ? "10.00" : "0.00");
            }
            case "/api/v1/users/me/history" -> assertThat(body.path("data").size()).isEqualTo(isOwner ? 2 : 0);
            case "/api/v1/users/me/jake-bucks" -> {
                assertThat(body.path("data").size()).isEqualTo(isOwner ? 1 : 0);
                assertThat(body.path("balance").asText()).isEqualTo(isOwner ? "10.00" : "0.00");
            }
            default -> throw new AssertionError("no own-data check for " + route);
        }
    }
}
