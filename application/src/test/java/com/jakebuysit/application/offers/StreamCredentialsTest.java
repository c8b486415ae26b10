package com.jakebuysit.application.offers;

import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.application.port.AccessTokens;
import com.jakebuysit.application.testing.MemoryUsers;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who a stream request identifies, from its bearer header and its token (header or query). */
class StreamCredentialsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final MemoryUsers users = new MemoryUsers();
    private final SignedTokens tokens = new SignedTokens();
    private final StreamCredentials credentials = new StreamCredentials(tokens, users, Clock.fixed(NOW, ZoneOffset.UTC));

    private final User seller = users.add(account("seller@example.com", Set.of(Role.USER), false));
    private final User reviewer = users.add(account("reviewer@example.com", Set.of(Role.USER, Role.REVIEWER), false));
    private final User banned = users.add(account("banned@example.com", Set.of(Role.USER), true));

    @Test
    void aBearerTokenIdentifiesTheAccountAndWhetherItIsStaff() {
        assertThat(credentials.viewer(Optional.of(tokens.of(seller)), Optional.empty()))
                .contains(new Viewer(Optional.of(seller.id()), false, Optional.empty()));
        assertThat(credentials.viewer(Optional.of(tokens.of(reviewer)), Optional.empty()))
                .contains(new Viewer(Optional.of(reviewer.id()), true, Optional.empty()));
    }

    @Test
    void aTokenAloneIsTheOffersStreamTokenOrAnAccessTokenABrowserCouldNotPutInAHeader() {
        assertThat(credentials.viewer(Optional.empty(), Optional.of("stream-token")))
                .contains(Viewer.withStreamToken("stream-token"));
        assertThat(credentials.viewer(Optional.empty(), Optional.of(tokens.of(seller))))
                .hasValueSatisfying(viewer -> assertThat(viewer.user()).contains(seller.id()));
    }

    @Test
    void anAccountKeepsTheStreamTokenItAlsoPresented() {
        assertThat(credentials.viewer(Optional.of(tokens.of(seller)), Optional.of("stream-token")))
                .contains(new Viewer(Optional.of(seller.id()), false, Optional.of("stream-token")));
    }

    @Test
    void noUsableCredentialsIdentifyNoOne() {
        assertThat(credentials.viewer(Optional.empty(), Optional.empty())).isEmpty();
        assertThat(credentials.viewer(Optional.of("  "), Optional.of(""))).isEmpty();
        assertThat(credentials.viewer(Optional.of("forged"), Optional.empty())).isEmpty();
        assertThat(credentials.viewer(Optional.of(tokens.of(banned)), Optional.empty())).isEmpty();
        assertThat(credentials.viewer(Optional.of(tokens.expired(seller)), Optional.empty())).isEmpty();
    }

    @Test
    void aBadBearerTokenDoesNotSpoilAGoodStreamToken() {
        assertThat(credentials.viewer(Optional.of("forged"), Optional.of("stream-token")))
                .contains(Viewer.withStreamToken("stream-token"));
    }

    private static User account(String email, Set<Role> roles, boolean banned) {
        return User.register(UserId.random(), Email.of(email), Optional.empty(), "Test", Optional.empty(),
                TrustScore.of(50), NOW).withRoles(roles).withBanned(banned);
    }

    /** Tokens are "token-<user id>"; an expired one is "expired-<user id>". Claims carry no roles: the account row does. */
    private static final class SignedTokens implements AccessTokens {

        String of(User user) {
            return "token-" + user.id();
        }

        String expired(User user) {
            return "expired-" + user.id();
        }

        @Override
        public Issued issue(UserId userId, Set<Role> roles, Instant now) {
            return new Issued("token-" + userId, now.plusSeconds(60));
        }

        @Override
        public Optional<Claims> verify(String token, Instant now) {
            if (!token.startsWith("token-")) {
                return Optional.empty();
            }
            return Optional.of(new Claims(UserId.of(token.substring(6)), Set.of(), "jti", now.plusSeconds(60)));
        }
    }
}
