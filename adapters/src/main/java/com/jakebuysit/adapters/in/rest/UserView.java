package com.jakebuysit.adapters.in.rest;

import com.jakebuysit.domain.Coded;
import com.jakebuysit.domain.account.User;
import java.util.List;

/**
 * An account as the API shows it ({@code user} in API.md): money as a two-decimal string, roles
 * as their codes, times in ISO-8601 UTC. Never the password hash, provider subjects or payout details.
 */
public record UserView(
        String id,
        String email,
        String name,
        String phone,
        List<String> roles,
        boolean verified,
        int trustScore,
        String jakeBucksBalance,
        String createdAt) {

    public static UserView of(User user) {
        return new UserView(
                user.id().toString(),
                user.email().value(),
                user.name(),
                user.phone().orElse(null),
                user.roles().stream().map(Coded::code).sorted().toList(),
                user.verified(),
                user.trustScore().value(),
                user.jakeBucksBalance().amount().toPlainString(),
                user.createdAt().toString());
    }
}
