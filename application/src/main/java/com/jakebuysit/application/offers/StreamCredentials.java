package com.jakebuysit.application.offers;

import com.jakebuysit.application.port.AccessTokens;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking to follow an offer's live stream, from what a stream request can carry: a bearer
 * access token in the {@code Authorization} header, and/or a token in a header or the query string.
 * Browsers' EventSource and WebSocket cannot set headers, so the token there is either the offer's
 * stream token (anonymous sellers) or an access token (a signed-in seller in a browser).
 * An access token counts only when we signed it, it has not expired, and its account exists and is
 * not banned; roles come from the account row, as for every other request.
 */
public final class StreamCredentials {

    private final AccessTokens tokens;
    private final Users users;
    private final Clock clock;

    public StreamCredentials(AccessTokens tokens, Users users, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param bearer the bearer token of the Authorization header
     * @param token the stream token (or an access token) from a header or the query string
     * @return empty when the request identifies no one: no credentials, or only a bad bearer token
     */
    public Optional<Viewer> viewer(Optional<String> bearer, Optional<String> token) {
        Optional<String> bearerToken = bearer.map(String::strip).filter(value -> !value.isEmpty());
        Optional<String> otherToken = token.map(String::strip).filter(value -> !value.isEmpty());
        Optional<Account> account = bearerToken.flatMap(this::account).or(() -> otherToken.flatMap(this::account));
        if (account.isPresent()) {
            // The token rides along: an account may also hold the stream token of an offer it made anonymously.
            return Optional.of(new Viewer(Optional.of(account.get().user().id()), account.get().staff(), otherToken));
        }
        return otherToken.map(Viewer::withStreamToken);
    }

    private Optional<Account> account(String accessToken) {
        return tokens.verify(accessToken, clock.instant())
                .flatMap(claims -> users.byId(claims.userId()))
                .filter(user -> !user.banned())
                .map(user -> new Account(user, user.roles().stream().anyMatch(Role::isStaff)));
    }

    private record Account(User user, boolean staff) {
    }
}
