package com.jakebuysit.adapters.in.rest.auth;

import com.jakebuysit.application.port.AccessTokens;
import com.jakebuysit.application.port.Users;
import io.dropwizard.auth.Authenticator;
import java.time.Clock;
import java.util.Optional;

/**
 * A bearer token is good when we signed it, it has not expired, and its account still exists
 * and is not banned. Roles come from the account row, so a revoked role ends at once.
 */
public final class BearerAuthenticator implements Authenticator<String, AuthenticatedUser> {

    private final AccessTokens tokens;
    private final Users users;
    private final Clock clock;

    public BearerAuthenticator(AccessTokens tokens, Users users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String token) {
        return tokens.verify(token, clock.instant())
                .flatMap(claims -> users.byId(claims.userId()))
                .filter(user -> !user.banned())
                .map(user -> new AuthenticatedUser(user.id(), user.roles()));
    }
}
