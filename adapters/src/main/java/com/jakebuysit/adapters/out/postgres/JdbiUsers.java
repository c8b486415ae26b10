package com.jakebuysit.adapters.out.postgres;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.IdentityProvider;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Accounts in the {@code users} table. Joins the caller's transaction when one is open on the thread. */
public final class JdbiUsers implements Users {

    private static final String COLUMNS = """
            id, email, password_hash, name, phone, roles, verified, banned, trust_score,
            jake_bucks_balance, jake_bucks_debt, google_subject, apple_subject, payout_method,
            payout_details_masked, created_at, version
            """;

    private final Jdbi jdbi;

    public JdbiUsers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<User> byId(UserId id) {
        return one("SELECT " + COLUMNS + " FROM users WHERE id = :value", id.value());
    }

    @Override
    public Optional<User> lockById(UserId id) {
        return one("SELECT " + COLUMNS + " FROM users WHERE id = :value FOR UPDATE", id.value());
    }

    @Override
    public Optional<User> byEmail(Email email) {
        return one("SELECT " + COLUMNS + " FROM users WHERE email = :value", email.value());
    }

    @Override
    public Optional<User> byProviderSubject(IdentityProvider provider, String subject) {
        String column = provider == IdentityProvider.GOOGLE ? "google_subject" : "apple_subject";
        return one("SELECT " + COLUMNS + " FROM users WHERE " + column + " = :value", subject);
    }

    @Override
    public void insert(User user) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("""
                    INSERT INTO users (id, email, password_hash, name, phone, roles, verified, banned, trust_score,
                                       jake_bucks_balance, jake_bucks_debt, google_subject, apple_subject,
                                       payout_method, payout_details_masked, created_at, version)
                    VALUES (:id, :email, :passwordHash, :name, :phone, :roles, :verified, :banned, :trustScore,
                            :balance, :debt, :googleSubject, :appleSubject, :payoutMethod, :payoutMasked,
                            :createdAt, 0)
                    """)
                    .bind("id", user.id().value())
                    .bind("email", user.email().value())
                    .bind("passwordHash", user.passwordHash().orElse(null))
                    .bind("name", user.name())
                    .bind("phone", user.phone().orElse(null))
                    .bind("roles", roleCodes(user.roles()))
                    .bind("verified", user.verified())
                    .bind("banned", user.banned())
                    .bind("trustScore", user.trustScore().value())
                    .bind("balance", user.jakeBucksBalance().amount())
                    .bind("debt", user.jakeBucksDebt().amount())
                    .bind("googleSubject", user.providerSubjects().get(IdentityProvider.GOOGLE))
                    .bind("appleSubject", user.providerSubjects().get(IdentityProvider.APPLE))
                    .bind("payoutMethod", user.payoutMethod().map(PayoutMethod::code).orElse(null))
                    .bind("payoutMasked", user.payoutDetailsMasked().orElse(null))
                    .bind("createdAt", user.createdAt().atOffset(java.time.ZoneOffset.UTC))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (PostgresErrors.isUniqueViolation(e, "users_email_key")) {
                throw new EmailTaken(user.email());
            }
            throw e;
        }
    }

    @Override
    public User update(User user) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate("""
                UPDATE users
                   SET password_hash = :passwordHash, name = :name, phone = :phone, roles = :roles,
                       verified = :verified, banned = :banned, trust_score = :trustScore,
                       google_subject = :googleSubject, apple_subject = :appleSubject,
                       payout_method = :payoutMethod, payout_details_masked = :payoutMasked,
                       version = version + 1
                 WHERE id = :id AND version = :version
                """)
                .bind("id", user.id().value())
                .bind("version", user.version())
                .bind("passwordHash", user.passwordHash().orElse(null))
                .bind("name", user.name())
                .bind("phone", user.phone().orElse(null))
                .bind("roles", roleCodes(user.roles()))
                .bind("verified", user.verified())
                .bind("banned", user.banned())
                .bind("trustScore", user.trustScore().value())
                .bind("googleSubject", user.providerSubjects().get(IdentityProvider.GOOGLE))
                .bind("appleSubject", user.providerSubjects().get(IdentityProvider.APPLE))
                .bind("payoutMethod", user.payoutMethod().map(PayoutMethod::code).orElse(null))
                .bind("payoutMasked", user.payoutDetailsMasked().orElse(null))
                .execute());
        if (updated != 1) {
            throw new ConcurrentUpdate("user", user.id().toString());
        }
        return byId(user.id()).orElseThrow(() -> new ConcurrentUpdate("user", user.id().toString()));
    }

    @Override
    public Page<User> search(String query, Optional<String> cursor, int limit) {
        Optional<Cursors.Position> after = Cursors.decode(cursor);
        String pattern = "%" + (query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        List<User> rows = jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + """
                  FROM users
                 WHERE (email LIKE :pattern OR lower(coalesce(name, '')) LIKE :pattern)
                   AND (CAST(:afterAt AS timestamptz) IS NULL
                        OR (created_at, id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                 ORDER BY created_at DESC, id DESC
                 LIMIT :limit
                """)
                .bind("pattern", pattern)
                .bind("afterAt", after.map(p -> p.createdAt().atOffset(java.time.ZoneOffset.UTC)).orElse(null))
                .bind("afterId", after.map(Cursors.Position::id).orElse(null))
                .bind("limit", limit + 1)
                .map(JdbiUsers::map)
                .list());
        boolean more = rows.size() > limit;
        List<User> page = more ? rows.subList(0, limit) : rows;
        Optional<String> next = more
                ? Optional.of(Cursors.encode(page.get(page.size() - 1).createdAt(), page.get(page.size() - 1).id().value()))
                : Optional.empty();
        return new Page<>(page, next);
    }

    private Optional<User> one(String sql, Object value) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).bind("value", value).map(JdbiUsers::map).findOne());
    }

    private static String[] roleCodes(Set<Role> roles) {
        return roles.stream().map(Role::code).sorted().toArray(String[]::new);
    }

    static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = rs.getArray("roles");
        for (Object code : (Object[]) array.getArray()) {
            roles.add(Role.fromCode((String) code));
        }
        Map<IdentityProvider, String> subjects = new EnumMap<>(IdentityProvider.class);
        Optional.ofNullable(rs.getString("google_subject")).ifPresent(s -> subjects.put(IdentityProvider.GOOGLE, s));
        Optional.ofNullable(rs.getString("apple_subject")).ifPresent(s -> subjects.put(IdentityProvider.APPLE, s));
        return new User(
                new UserId(rs.getObject("id", UUID.class)),
                Email.of(rs.getString("email")),
                Optional.ofNullable(rs.getString("password_hash")),
                rs.getString("name"),
                Optional.ofNullable(rs.getString("phone")),
                roles,
                rs.getBoolean("verified"),
                rs.getBoolean("banned"),
                // The column keeps two decimals for the score's history; the domain works in whole points.
                TrustScore.of(rs.getBigDecimal("trust_score").setScale(0, RoundingMode.HALF_UP).intValueExact()),
                Money.usd(rs.getBigDecimal("jake_bucks_balance")),
                Money.usd(rs.getBigDecimal("jake_bucks_debt")),
                subjects,
                Optional.ofNullable(rs.getString("payout_method")).map(PayoutMethod::fromCode),
                Optional.ofNullable(rs.getString("payout_details_masked")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }
}
