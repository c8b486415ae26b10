package com.jakebuysit.adapters.out.postgres;

import com.jakebuysit.application.port.AccountSummaries;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.domain.Coded;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.ledger.EntryType;
import com.jakebuysit.domain.offer.OfferStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * A seller's figures, history and Jake Bucks statement, read straight from offers, payouts,
 * jake_bucks_transactions and users. Lists are keyset-paginated on (created_at, id), newest first.
 */
public final class JdbiAccountSummaries implements AccountSummaries {

    // Each branch is cut to the page size on its own index (user_id, created_at DESC, id DESC) before the merge.
    private static final String HISTORY = """
            SELECT kind, id, created_at, status, title, amount, second_amount, offer_id, method
              FROM (
                (SELECT 'offer' AS kind, o.id, o.created_at, o.status,
                        coalesce(NULLIF(concat_ws(' ', o.brand, o.model), ''), o.subcategory, o.category,
                                 NULLIF(left(o.description, 80), '')) AS title,
                        o.offer_amount AS amount, CAST(NULL AS NUMERIC) AS second_amount,
                        CAST(NULL AS UUID) AS offer_id, CAST(NULL AS TEXT) AS method
                   FROM offers o
                  WHERE o.user_id = :owner
                    AND (CAST(:afterAt AS TIMESTAMPTZ) IS NULL
                         OR (o.created_at, o.id) < (CAST(:afterAt AS TIMESTAMPTZ), CAST(:afterId AS UUID)))
                  ORDER BY o.created_at DESC, o.id DESC
                  LIMIT :limit)
                UNION ALL
                (SELECT 'payout', p.id, p.created_at, p.status, NULL, p.amount, p.bonus_amount, p.offer_id, p.method
                   FROM payouts p
                  WHERE p.user_id = :owner
                    AND (CAST(:afterAt AS TIMESTAMPTZ) IS NULL
                         OR (p.created_at, p.id) < (CAST(:afterAt AS TIMESTAMPTZ), CAST(:afterId AS UUID)))
                  ORDER BY p.created_at DESC, p.id DESC
                  LIMIT :limit)
                UNION ALL
                (SELECT 'jake_bucks', j.id, j.created_at, j.type, j.description, j.amount, j.balance_after, NULL, NULL
                   FROM jake_bucks_transactions j
                  WHERE j.user_id = :owner
                    AND (CAST(:afterAt AS TIMESTAMPTZ) IS NULL
                         OR (j.created_at, j.id) < (CAST(:afterAt AS TIMESTAMPTZ), CAST(:afterId AS UUID)))
                  ORDER BY j.created_at DESC, j.id DESC
                  LIMIT :limit)
              ) history
             ORDER BY created_at DESC, id DESC
             LIMIT :limit
            """;

    private static final String JAKE_BUCKS = """
            SELECT id, type, amount, balance_after, reference_type, reference_id, description, created_at
              FROM jake_bucks_transactions
             WHERE user_id = :owner
               AND (CAST(:afterAt AS TIMESTAMPTZ) IS NULL
                    OR (created_at, id) < (CAST(:afterAt AS TIMESTAMPTZ), CAST(:afterId AS UUID)))
             ORDER BY created_at DESC, id DESC
             LIMIT :limit
            """;

    private static final String DASHBOARD = """
            SELECT (SELECT count(*) FROM offers
                     WHERE user_id = u.id AND status = ANY(CAST(:active AS TEXT[]))) AS active_offers,
                   (SELECT count(*) FROM offers
                     WHERE user_id = u.id AND status = ANY(CAST(:completed AS TEXT[]))) AS completed_sales,
                   (SELECT coalesce(sum(amount + bonus_amount), 0) FROM payouts
                     WHERE user_id = u.id AND status = 'paid') AS total_earned,
                   u.jake_bucks_balance, u.trust_score
              FROM users u
             WHERE u.id = :owner
            """;

    private final Jdbi jdbi;

    public JdbiAccountSummaries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Dashboard> dashboard(UserId owner) {
        return jdbi.withHandle(handle -> handle.createQuery(DASHBOARD)
                .bind("owner", owner.value())
                .bind("active", codes(Dashboard.ACTIVE.stream().map(Coded::code).toList()))
                .bind("completed", codes(Dashboard.COMPLETED.stream().map(Coded::code).toList()))
                .map((rs, ctx) -> new Dashboard(
                        rs.getLong("active_offers"),
                        rs.getLong("completed_sales"),
                        Money.usd(rs.getBigDecimal("total_earned")),
                        Money.usd(rs.getBigDecimal("jake_bucks_balance")),
                        // Stored with two decimals for its history; shown in whole points, as on the account.
                        rs.getBigDecimal("trust_score").setScale(0, RoundingMode.HALF_UP).intValueExact()))
                .findOne());
    }

    @Override
    public Page<HistoryItem> history(UserId owner, Optional<String> cursor, int limit) {
        return page(HISTORY, owner, cursor, limit, JdbiAccountSummaries::historyItem,
                item -> Cursors.encode(item.createdAt(), item.id()));
    }

    @Override
    public Page<JakeBucksLine> jakeBucks(UserId owner, Optional<String> cursor, int limit) {
        return page(JAKE_BUCKS, owner, cursor, limit, JdbiAccountSummaries::jakeBucksLine,
                line -> Cursors.encode(line.createdAt(), line.id()));
    }

    private <T> Page<T> page(String sql, UserId owner, Optional<String> cursor, int limit, RowReader<T> reader,
                             Function<T, String> cursorOf) {
        Optional<Cursors.Position> after = Cursors.decode(cursor);
        List<T> rows = jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql)
                    .bind("owner", owner.value())
                    .bind("afterAt", after.map(p -> p.createdAt().atOffset(ZoneOffset.UTC)).orElse(null))
                    .bind("afterId", after.map(Cursors.Position::id).orElse(null))
                    // One more than asked tells whether there is a next page.
                    .bind("limit", limit + 1);
            return query.map((rs, ctx) -> reader.read(rs)).list();
        });
        boolean more = rows.size() > limit;
        List<T> page = more ? rows.subList(0, limit) : rows;
        return new Page<>(page, more ? Optional.of(cursorOf.apply(page.get(page.size() - 1))) : Optional.empty());
    }

    private static HistoryItem historyItem(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Instant createdAt = instant(rs, "created_at");
        String kind = rs.getString("kind");
        return switch (kind) {
            case "offer" -> new OfferItem(id, createdAt, OfferStatus.fromCode(rs.getString("status")),
                    Optional.ofNullable(rs.getString("title")), money(rs, "amount"));
            case "payout" -> new PayoutItem(id, createdAt, rs.getObject("offer_id", UUID.class),
                    PayoutMethod.fromCode(rs.getString("method")), rs.getString("status"),
                    money(rs, "amount").orElseThrow(), money(rs, "second_amount").orElseThrow());
            case "jake_bucks" -> new JakeBucksItem(id, createdAt, EntryType.fromCode(rs.getString("status")),
                    money(rs, "amount").orElseThrow(), money(rs, "second_amount").orElseThrow(),
                    Optional.ofNullable(rs.getString("title")));
            default -> throw new IllegalStateException("unknown history kind " + kind);
        };
    }

    private static JakeBucksLine jakeBucksLine(ResultSet rs) throws SQLException {
        return new JakeBucksLine(
                rs.getObject("id", UUID.class),
                EntryType.fromCode(rs.getString("type")),
                money(rs, "amount").orElseThrow(),
                money(rs, "balance_after").orElseThrow(),
                Optional.ofNullable(rs.getString("reference_type")),
                Optional.ofNullable(rs.getObject("reference_id", UUID.class)).map(UUID::toString),
                Optional.ofNullable(rs.getString("description")),
                instant(rs, "created_at"));
    }

    private static Optional<Money> money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return Optional.ofNullable(value).map(Money::usd);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String[] codes(List<String> codes) {
        return codes.toArray(String[]::new);
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
