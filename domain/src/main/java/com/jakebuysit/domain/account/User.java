package com.jakebuysit.domain.account;

import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An account: a seller, and possibly staff. Immutable; each change returns the next state.
 * The password hash and payout details are opaque here (hashed and sealed by adapters).
 *
 * @param passwordHash empty for accounts that only sign in through Google or Apple
 * @param providerSubjects the subject ids of linked Google/Apple identities
 * @param payoutDetailsMasked what may be shown of the payout details (e.g. "•••• 4242")
 * @param version optimistic-locking version, bumped by the repository on each update
 */
public record User(
        UserId id,
        Email email,
        Optional<String> passwordHash,
        String name,
        Optional<String> phone,
        Set<Role> roles,
        boolean verified,
        boolean banned,
        TrustScore trustScore,
        Money jakeBucksBalance,
        Money jakeBucksDebt,
        Map<IdentityProvider, String> providerSubjects,
        Optional<PayoutMethod> payoutMethod,
        Optional<String> payoutDetailsMasked,
        Instant createdAt,
        int version) {

    public static final int NAME_MAX = 100;

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        name = name == null ? "" : name.strip();
        if (name.length() > NAME_MAX) {
            throw new IllegalArgumentException("name must be at most " + NAME_MAX + " characters");
        }
        Objects.requireNonNull(phone, "phone");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an account has at least one role");
        }
        roles = Set.copyOf(roles);
        Objects.requireNonNull(trustScore, "trustScore");
        Objects.requireNonNull(jakeBucksBalance, "jakeBucksBalance");
        Objects.requireNonNull(jakeBucksDebt, "jakeBucksDebt");
        if (jakeBucksBalance.isNegative() || jakeBucksDebt.isNegative()) {
            throw new IllegalArgumentException("Jake Bucks balance and debt are never negative");
        }
        providerSubjects = providerSubjects == null ? Map.of() : Map.copyOf(providerSubjects);
        Objects.requireNonNull(payoutMethod, "payoutMethod");
        Objects.requireNonNull(payoutDetailsMasked, "payoutDetailsMasked");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new seller account with the starting trust score. */
    public static User register(UserId id, Email email, Optional<String> passwordHash, String name,
                                Optional<String> phone, TrustScore initialTrust, Instant now) {
        return new User(id, email, passwordHash, name, phone, EnumSet.of(Role.USER), false, false, initialTrust,
                Money.ZERO, Money.ZERO, Map.of(), Optional.empty(), Optional.empty(), now, 0);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    public User withProfile(String newName, Optional<String> newPhone) {
        return new User(id, email, passwordHash, newName, newPhone, roles, verified, banned, trustScore,
                jakeBucksBalance, jakeBucksDebt, providerSubjects, payoutMethod, payoutDetailsMasked, createdAt, version);
    }

    public User withPasswordHash(String hash) {
        return new User(id, email, Optional.of(hash), name, phone, roles, verified, banned, trustScore,
                jakeBucksBalance, jakeBucksDebt, providerSubjects, payoutMethod, payoutDetailsMasked, createdAt, version);
    }

    public User withRoles(Set<Role> newRoles) {
        return new User(id, email, passwordHash, name, phone, newRoles, verified, banned, trustScore,
                jakeBucksBalance, jakeBucksDebt, providerSubjects, payoutMethod, payoutDetailsMasked, createdAt, version);
    }

    public User withBanned(boolean newBanned) {
        return new User(id, email, passwordHash, name, phone, roles, verified, newBanned, trustScore,
                jakeBucksBalance, jakeBucksDebt, providerSubjects, payoutMethod, payoutDetailsMasked, createdAt, version);
    }

    public User withTrustScore(TrustScore newTrust) {
        return new User(id, email, passwordHash, name, phone, roles, verified, banned, newTrust,
                jakeBucksBalance, jakeBucksDebt, providerSubjects, payoutMethod, payoutDetailsMasked, createdAt, version);
    }

    public User withVerified(boolean newVerified) {
        return new User(id, email, passwordHash, name, phone, roles, newVerified, banned, trustScore,
                jakeBucksBalance, jakeBucksDebt, providerSubjects, payoutMethod, payoutDetailsMasked, createdAt, version);
    }

    /** Links an outside identity; the caller has checked the provider vouches for the email. */
    public User linkedTo(IdentityProvider provider, String subject) {
        Map<IdentityProvider, String> linked = new java.util.EnumMap<>(IdentityProvider.class);
        linked.putAll(providerSubjects);
        linked.put(provider, Objects.requireNonNull(subject, "subject"));
        return new User(id, email, passwordHash, name, phone, roles, verified, banned, trustScore,
                jakeBucksBalance, jakeBucksDebt, linked, payoutMethod, payoutDetailsMasked, createdAt, version);
    }

    public User withPayoutMethod(PayoutMethod method, Optional<String> masked) {
        return new User(id, email, passwordHash, name, phone, roles, verified, banned, trustScore,
                jakeBucksBalance, jakeBucksDebt, providerSubjects, Optional.of(method), masked, createdAt, version);
    }
}
