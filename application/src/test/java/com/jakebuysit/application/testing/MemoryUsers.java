package com.jakebuysit.application.testing;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.InvalidCursor;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.IdentityProvider;
import com.jakebuysit.domain.account.User;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The accounts in a map, with the checks the PostgreSQL adapter makes (unique email, version). */
public final class MemoryUsers implements Users {

    private final Map<UserId, User> rows = new LinkedHashMap<>();
    /** How many updates were written, for tests of use cases that must write nothing. */
    public int updates;

    /** Stores an account as it is, for a test's setup. */
    public User add(User user) {
        rows.put(user.id(), user);
        return user;
    }

    @Override
    public Optional<User> byId(UserId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<User> lockById(UserId id) {
        return byId(id);
    }

    @Override
    public Optional<User> byEmail(Email email) {
        return rows.values().stream().filter(u -> u.email().equals(email)).findFirst();
    }

    @Override
    public Optional<User> byProviderSubject(IdentityProvider provider, String subject) {
        return rows.values().stream().filter(u -> subject.equals(u.providerSubjects().get(provider))).findFirst();
    }

    @Override
    public void insert(User user) {
        if (byEmail(user.email()).isPresent()) {
            throw new EmailTaken(user.email());
        }
        add(user);
    }

    @Override
    public User update(User user) {
        User stored = rows.get(user.id());
        if (stored == null || stored.version() != user.version()) {
            throw new ConcurrentUpdate("user", user.id().toString());
        }
        updates++;
        // As the adapter: the ledger owns the balance and the debt.
        User next = new User(user.id(), user.email(), user.passwordHash(), user.name(), user.phone(), user.roles(),
                user.verified(), user.banned(), user.trustScore(), stored.jakeBucksBalance(),
                stored.jakeBucksDebt(), user.providerSubjects(), user.payoutMethod(), user.payoutDetailsMasked(),
                user.createdAt(), user.version() + 1);
        rows.put(next.id(), next);
        return next;
    }

    /** Newest first; the cursor is the offset of the next page. */
    @Override
    public Page<User> search(String query, Optional<String> cursor, int limit) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<User> matching = rows.values().stream()
                .filter(u -> needle.isEmpty() || u.email().value().contains(needle)
                        || u.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(User::createdAt).reversed())
                .toList();
        int from = cursor.map(MemoryUsers::offset).orElse(0);
        int to = Math.min(matching.size(), from + limit);
        return new Page<>(matching.subList(Math.min(from, to), to),
                to < matching.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }

    private static int offset(String cursor) {
        try {
            return Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidCursor();
        }
    }
}
