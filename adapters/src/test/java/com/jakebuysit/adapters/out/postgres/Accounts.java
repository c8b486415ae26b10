package com.jakebuysit.adapters.out.postgres;

import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Accounts for repository tests: unique emails, a fake (never checked) password hash. */
final class Accounts {

    private Accounts() {
    }

    static User anAccount(String name) {
        return anAccount(name, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    static User anAccount(String name, Instant createdAt) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return User.register(UserId.random(), Email.of(email), Optional.of("$2a$10$not-a-real-hash"), name,
                Optional.empty(), TrustScore.of(50), createdAt);
    }
}
