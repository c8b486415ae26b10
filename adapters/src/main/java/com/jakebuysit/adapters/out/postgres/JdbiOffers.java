package com.jakebuysit.adapters.out.postgres;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Coded;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.Reason;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.jake.JakeScript;
import com.jakebuysit.domain.offer.Acceptance;
import com.jakebuysit.domain.offer.Closure;
import com.jakebuysit.domain.offer.Dispute;
import com.jakebuysit.domain.offer.DisputeOutcome;
import com.jakebuysit.domain.offer.Escalation;
import com.jakebuysit.domain.offer.EscalationAction;
import com.jakebuysit.domain.offer.EscalationResolution;
import com.jakebuysit.domain.offer.Identification;
import com.jakebuysit.domain.offer.Item;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.offer.Revision;
import com.jakebuysit.domain.offer.Submission;
import com.jakebuysit.domain.offer.Verification;
import com.jakebuysit.domain.pricing.PricingDecision;
import com.jakebuysit.domain.pricing.Quote;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Offers in the {@code offers} table, one row per aggregate, plus the pipeline's side results
 * (identifiers, market findings, pricing decision) in their own columns. Joins the caller's
 * transaction when one is open on the thread.
 *
 * <p>Where a part of the aggregate fits 003's columns it lives there; what did not fit got a column
 * in 017 (the verification, a nested record, is one JSONB document). The offer's {@code updatedAt}
 * is {@code changed_at}: {@code updated_at} belongs to the trigger that stamps every row write.
 * Times are stored to the microsecond, as PostgreSQL keeps them.
 */
public final class JdbiOffers implements Offers {

    /** The advisory lock that serializes daily-spend checks (an arbitrary constant: "JBISPEND"). */
    static final long DAILY_SPEND_LOCK = 0x4A42_4953_5045_4E44L;


    private static final String COLUMNS = """
            id, user_id, status, status_reason, description, condition_hint, category_hint, photo_keys,
            category, subcategory, brand, model, condition, features, damage, ai_confidence,
            offer_amount, fmv, fmv_confidence, jake_tier, jake_script, jake_voice_key,
            escalation_reasons, escalated_at, resolution_action, resolved_by, resolution_notes,
            resolution_amount, resolved_at, expires_at, payout_method, ship_address, accepted_at,
            first_scan_at, received_at, verification, paid_at, dispute_reason, disputed_at, dispute_from,
            dispute_outcome, dispute_resolved_at, closed_at, created_at, changed_at, version
            """;

    /**
     * Every column an offer writes and its parameter (cast where a NULL must still carry a type), in one
     * list so that the INSERT and the UPDATE cannot drift apart.
     */
    private static final List<String[]> WRITTEN = List.of(
            col("user_id", "CAST(:userId AS uuid)"),
            col("status", ":status"),
            col("status_reason", ":statusReason"),
            col("description", ":description"),
            col("condition_hint", ":conditionHint"),
            col("category_hint", ":categoryHint"),
            col("photo_keys", "CAST(:photoKeys AS text[])"),
            col("category", ":category"),
            col("subcategory", ":subcategory"),
            col("brand", ":brand"),
            col("model", ":model"),
            col("condition", ":condition"),
            col("features", "CAST(:features AS jsonb)"),
            col("damage", "CAST(:damage AS jsonb)"),
            col("ai_confidence", ":aiConfidence"),
            col("identify_result", "CAST(:identifyResult AS jsonb)"),
            col("offer_amount", ":offerAmount"),
            col("fmv", ":fmv"),
            col("fmv_confidence", ":fmvConfidence"),
            col("offer_to_market_ratio", ":offerToMarketRatio"),
            col("jake_tier", ":jakeTier"),
            col("jake_script", ":jakeScript"),
            col("jake_voice_key", ":jakeVoiceKey"),
            col("voice_result", "CAST(:voiceResult AS jsonb)"),
            col("escalated", ":escalated"),
            col("escalation_reason", ":escalationReason"),
            col("escalation_reasons", "CAST(:escalationReasons AS text[])"),
            col("escalated_at", "CAST(:escalatedAt AS timestamptz)"),
            col("resolution_action", ":resolutionAction"),
            col("resolved_by", "CAST(:resolvedBy AS uuid)"),
            col("resolution_notes", ":resolutionNotes"),
            col("resolution_amount", ":resolutionAmount"),
            col("resolved_at", "CAST(:resolvedAt AS timestamptz)"),
            col("expires_at", "CAST(:expiresAt AS timestamptz)"),
            col("payout_method", ":payoutMethod"),
            col("ship_address", "CAST(:shipAddress AS jsonb)"),
            col("accepted_at", "CAST(:acceptedAt AS timestamptz)"),
            col("first_scan_at", "CAST(:firstScanAt AS timestamptz)"),
            col("received_at", "CAST(:receivedAt AS timestamptz)"),
            col("verification", "CAST(:verification AS jsonb)"),
            col("revised_amount", ":revisedAmount"),
            col("revision_status", ":revisionStatus"),
            col("revision_due_at", "CAST(:revisionDueAt AS timestamptz)"),
            col("paid_at", "CAST(:paidAt AS timestamptz)"),
            col("dispute_reason", ":disputeReason"),
            col("disputed_at", "CAST(:disputedAt AS timestamptz)"),
            col("dispute_from", ":disputeFrom"),
            col("dispute_outcome", ":disputeOutcome"),
            col("dispute_resolved_at", "CAST(:disputeResolvedAt AS timestamptz)"),
            col("closed_at", "CAST(:closedAt AS timestamptz)"),
            col("changed_at", "CAST(:changedAt AS timestamptz)"));

    private static final String INSERT = "INSERT INTO offers (id, anonymous_ip, stream_token_hash, created_at, version, "
            + String.join(", ", WRITTEN.stream().map(c -> c[0]).toList())
            + ",\n revision_answered_at)\nVALUES (:id, CAST(:anonymousIp AS inet), :streamTokenHash, :createdAt, :version, "
            + String.join(", ", WRITTEN.stream().map(c -> c[1]).toList())
            + ",\n CASE WHEN CAST(:revisionStatus AS text) IN ('accepted', 'rejected') THEN CAST(:changedAt AS timestamptz) END)";

    // revision_answered_at: the first write that sees the seller's answer keeps that command's time.
    private static final String UPDATE = "UPDATE offers SET "
            + String.join(",\n ", WRITTEN.stream().map(c -> c[0] + " = " + c[1]).toList())
            + """
            ,
                   revision_answered_at = CASE WHEN CAST(:revisionStatus AS text) IN ('accepted', 'rejected')
                                               THEN coalesce(revision_answered_at, CAST(:changedAt AS timestamptz)) END,
                   version = version + 1
             WHERE id = :id AND version = :version
            RETURNING version
            """;

    private final Jdbi jdbi;

    public JdbiOffers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Offer offer, Origin origin) {
        jdbi.useHandle(handle -> bindOffer(handle.createUpdate(INSERT), offer)
                .bind("anonymousIp", origin.anonymousIp().orElse(null))
                .bind("streamTokenHash", origin.streamTokenHash().orElse(null))
                .bind("createdAt", at(offer.createdAt()))
                .bind("version", offer.version())
                .execute());
    }

    @Override
    public Optional<Offer> byId(OfferId id) {
        return one("SELECT " + COLUMNS + " FROM offers WHERE id = :id", id);
    }

    @Override
    public Optional<Offer> lockById(OfferId id) {
        return one("SELECT " + COLUMNS + " FROM offers WHERE id = :id FOR UPDATE", id);
    }

    @Override
    public Offer update(Offer offer) {
        Optional<Long> version = jdbi.withHandle(handle -> bindOffer(handle.createQuery(UPDATE), offer)
                .bind("version", offer.version())
                .mapTo(Long.class)
                .findOne());
        return offer.withVersion(version.orElseThrow(() -> new ConcurrentUpdate("offer", offer.id().toString())));
    }

    @Override
    public Page<Offer> listForSeller(UserId seller, Optional<OfferStatus> status, Optional<Category> category,
                                     Optional<String> cursor, int limit) {
        Optional<Cursors.Position> after = Cursors.decode(cursor);
        // An offer not identified yet is listed under the category the seller hinted.
        List<Offer> rows = jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + """
                  FROM offers
                 WHERE user_id = :seller
                   AND (CAST(:status AS text) IS NULL OR status = :status)
                   AND (CAST(:category AS text) IS NULL OR coalesce(category, category_hint) = :category)
                   AND (CAST(:afterAt AS timestamptz) IS NULL
                        OR (created_at, id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                 ORDER BY created_at DESC, id DESC
                 LIMIT :limit
                """)
                .bind("seller", seller.value())
                .bind("status", status.map(OfferStatus::code).orElse(null))
                .bind("category", category.map(Category::code).orElse(null))
                .bind("afterAt", after.map(p -> at(p.createdAt())).orElse(null))
                .bind("afterId", after.map(Cursors.Position::id).orElse(null))
                .bind("limit", limit + 1)
                .map(JdbiOffers::map)
                .list());
        boolean more = rows.size() > limit;
        List<Offer> page = more ? rows.subList(0, limit) : rows;
        Optional<String> next = more
                ? Optional.of(Cursors.encode(page.get(limit - 1).createdAt(), page.get(limit - 1).id().value()))
                : Optional.empty();
        return new Page<>(page, next);
    }

    @Override
    public Optional<String> streamTokenHash(OfferId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT stream_token_hash FROM offers WHERE id = :id")
                .bind("id", id.value())
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public void saveIdentifiers(OfferId id, Map<String, String> identifiers) {
        set(id, "identifiers = CAST(:value AS jsonb)", OfferJson.stringMap(identifiers));
    }

    @Override
    public Map<String, String> identifiers(OfferId id) {
        return column(id, "identifiers").map(OfferJson::stringMap).orElse(Map.of());
    }

    @Override
    public void saveMarketFindings(OfferId id, MarketFindings findings) {
        jdbi.useHandle(handle -> {
            int updated = handle.createUpdate("""
                    UPDATE offers
                       SET market_result = CAST(:result AS jsonb), comparables = CAST(:comparables AS jsonb)
                     WHERE id = :id
                    """)
                    .bind("id", id.value())
                    .bind("result", OfferJson.marketFindings(findings))
                    .bind("comparables", OfferJson.comparables(findings.comparables()))
                    .execute();
            requireOne(updated, id);
        });
    }

    @Override
    public Optional<MarketFindings> marketFindings(OfferId id) {
        return column(id, "market_result").map(OfferJson::marketFindings);
    }

    /** Also adds the rules behind the decision's reasons to the offer's {@code flags}, for reviewers. */
    @Override
    public void savePricing(OfferId id, PricingDecision decision) {
        jdbi.useHandle(handle -> {
            int updated = handle.createUpdate("""
                    UPDATE offers
                       SET pricing_result = CAST(:result AS jsonb), price_breakdown = CAST(:breakdown AS jsonb),
                           flags = ARRAY(SELECT DISTINCT f FROM unnest(flags || CAST(:rules AS text[])) AS f ORDER BY f)
                     WHERE id = :id
                    """)
                    .bind("id", id.value())
                    .bind("result", OfferJson.pricingDecision(decision))
                    .bind("breakdown", OfferJson.breakdown(decision.breakdown()))
                    .bind("rules", decision.reasons().stream().map(Reason::rule).distinct().toArray(String[]::new))
                    .execute();
            requireOne(updated, id);
        });
    }

    @Override
    public Optional<StoredPricing> pricing(OfferId id) {
        return column(id, "pricing_result").map(OfferJson::pricingDecision).map(StoredPricing::new);
    }

    @Override
    public List<OfferId> stalledInProcessing(Instant before, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT id FROM offers
                 WHERE status = 'processing' AND changed_at < :before
                 ORDER BY changed_at, id
                 LIMIT :limit
                """)
                .bind("before", at(before))
                .bind("limit", limit)
                .mapTo(UUID.class)
                .map(OfferId::new)
                .list());
    }

    @Override
    public int countCreatedBySellerSince(UserId seller, Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM offers WHERE user_id = :seller AND created_at >= :since")
                .bind("seller", seller.value())
                .bind("since", at(since))
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public int countCreatedFromIpSince(String ip, Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM offers WHERE anonymous_ip = CAST(:ip AS inet) AND created_at >= :since")
                .bind("ip", ip)
                .bind("since", at(since))
                .mapTo(Integer.class)
                .one());
    }

    /**
     * Every offer accepted at or after {@code since}, whatever became of it: the cap limits what we
     * commit to in a day, and an offer cancelled or returned since was still committed to. It also
     * keeps the total from falling within the day, so an accept it let through stays explainable.
     */
    @Override
    public Money acceptedTotalSince(Instant since) {
        // A held acceptance opens its escalation at the very instant it is accepted; approval
        // re-dates accepted_at, so "escalated_at = accepted_at" is exactly "held, never approved".
        BigDecimal total = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT coalesce(sum(offer_amount), 0) FROM offers
                         WHERE accepted_at >= :since
                           AND escalated_at IS DISTINCT FROM accepted_at
                        """)
                .bind("since", at(since))
                .mapTo(BigDecimal.class)
                .one());
        return Money.usd(total);
    }

    @Override
    public Money lockDailySpend(Instant since) {
        // Two statements on purpose: a READ COMMITTED statement sees what committed before it
        // started, so the sum must start after the lock is held, not in the statement that waits for it.
        jdbi.useHandle(handle -> handle.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)")
                .bind("key", DAILY_SPEND_LOCK)
                .mapTo(Integer.class)
                .one());
        return acceptedTotalSince(since);
    }

    @Override
    public List<OfferId> readyExpiredBy(Instant now, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT id FROM offers
                 WHERE status = 'ready' AND expires_at <= :now
                 ORDER BY expires_at, id
                 LIMIT :limit
                """)
                .bind("now", at(now))
                .bind("limit", limit)
                .mapTo(UUID.class)
                .map(OfferId::new)
                .list());
    }

    // ---- writing --------------------------------------------------------------------------

    private static <S extends SqlStatement<S>> S bindOffer(S statement, Offer offer) {
        Optional<Item> item = offer.identification().map(Identification::item);
        Optional<Quote> quote = offer.quote();
        Optional<JakeScript> jake = offer.jake();
        Optional<Escalation> escalation = offer.escalation();
        Optional<EscalationResolution> resolution = escalation.flatMap(Escalation::resolution);
        Optional<Acceptance> acceptance = offer.acceptance();
        Optional<Revision> revision = offer.verification().flatMap(Verification::revision);
        Optional<Dispute> dispute = offer.dispute();
        Optional<Closure> closure = offer.closure();
        return statement
                .bind("id", offer.id().value())
                .bind("userId", offer.sellerId().map(UserId::value).orElse(null))
                .bind("status", offer.status().code())
                .bind("statusReason", closure.flatMap(Closure::reason).orElse(null))
                .bind("description", offer.submission().description())
                .bind("conditionHint", offer.submission().statedCondition().code())
                .bind("categoryHint", code(offer.submission().categoryHint()))
                .bind("photoKeys", offer.submission().photoKeys().toArray(String[]::new))
                .bind("category", code(item.map(Item::category)))
                .bind("subcategory", item.flatMap(Item::subcategory).orElse(null))
                .bind("brand", item.flatMap(Item::brand).orElse(null))
                .bind("model", item.flatMap(Item::model).orElse(null))
                .bind("condition", code(item.map(Item::condition)))
                .bind("features", item.map(i -> OfferJson.strings(i.features())).orElse(null))
                .bind("damage", item.map(i -> OfferJson.strings(i.damage())).orElse(null))
                .bind("aiConfidence", offer.identification().map(Identification::confidence).orElse(null))
                .bind("identifyResult", offer.identification().map(OfferJson::identification).orElse(null))
                .bind("offerAmount", quote.map(q -> q.amount().amount()).orElse(null))
                .bind("fmv", quote.flatMap(Quote::fmv).map(Money::amount).orElse(null))
                .bind("fmvConfidence", quote.flatMap(Quote::fmvConfidence).orElse(null))
                .bind("offerToMarketRatio", quote.flatMap(Quote::offerToMarketRatio).orElse(null))
                .bind("jakeTier", jake.map(JakeScript::tier).orElse(null))
                .bind("jakeScript", jake.map(JakeScript::script).orElse(null))
                .bind("jakeVoiceKey", jake.flatMap(JakeScript::voiceUrl).orElse(null))
                .bind("voiceResult", jake.map(OfferJson::jake).orElse(null))
                .bind("escalated", offer.escalated())
                .bind("escalationReason", escalation.map(e -> String.join("; ", e.reasons())).orElse(null))
                .bind("escalationReasons", escalation.map(e -> e.reasons().toArray(String[]::new)).orElse(null))
                .bind("escalatedAt", escalation.map(e -> at(e.escalatedAt())).orElse(null))
                .bind("resolutionAction", code(resolution.map(EscalationResolution::action)))
                .bind("resolvedBy", resolution.map(r -> r.reviewer().value()).orElse(null))
                .bind("resolutionNotes", resolution.map(EscalationResolution::notes).orElse(null))
                .bind("resolutionAmount", resolution
                        .filter(EscalationResolution.CustomPrice.class::isInstance)
                        .map(r -> ((EscalationResolution.CustomPrice) r).amount().amount()).orElse(null))
                .bind("resolvedAt", at(escalation.flatMap(Escalation::resolvedAt)))
                .bind("expiresAt", at(offer.expiresAt()))
                .bind("payoutMethod", code(acceptance.map(Acceptance::payoutMethod)))
                .bind("shipAddress", acceptance.map(a -> OfferJson.address(a.address())).orElse(null))
                .bind("acceptedAt", at(acceptance.map(Acceptance::acceptedAt)))
                .bind("firstScanAt", at(offer.shippedAt()))
                .bind("receivedAt", at(offer.receivedAt()))
                .bind("verification", offer.verification().map(OfferJson::verification).orElse(null))
                .bind("revisedAmount", revision.map(r -> r.revisedAmount().amount()).orElse(null))
                .bind("revisionStatus", code(revision.map(Revision::state)))
                .bind("revisionDueAt", at(revision.flatMap(Revision::answerBy)))
                .bind("paidAt", at(offer.paidAt()))
                .bind("disputeReason", dispute.map(Dispute::reason).orElse(null))
                .bind("disputedAt", at(dispute.map(Dispute::openedAt)))
                .bind("disputeFrom", code(dispute.map(Dispute::disputedFrom)))
                .bind("disputeOutcome", code(dispute.flatMap(Dispute::outcome)))
                .bind("disputeResolvedAt", at(dispute.flatMap(Dispute::resolvedAt)))
                .bind("closedAt", at(closure.map(Closure::at)))
                .bind("changedAt", at(offer.updatedAt()));
    }

    private void set(OfferId id, String assignment, String value) {
        jdbi.useHandle(handle -> requireOne(handle.createUpdate("UPDATE offers SET " + assignment + " WHERE id = :id")
                .bind("id", id.value())
                .bind("value", value)
                .execute(), id));
    }

    private static void requireOne(int updated, OfferId id) {
        if (updated != 1) {
            throw new IllegalStateException("no offer " + id);
        }
    }

    private static String code(Optional<? extends Coded> value) {
        return value.map(Coded::code).orElse(null);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime at(Optional<Instant> instant) {
        return instant.map(JdbiOffers::at).orElse(null);
    }

    private static String[] col(String column, String parameter) {
        return new String[] {column, parameter};
    }

    // ---- reading --------------------------------------------------------------------------

    private Optional<Offer> one(String sql, OfferId id) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).bind("id", id.value()).map(JdbiOffers::map).findOne());
    }

    /** One column of one offer; empty when it is NULL or there is no such offer. */
    private Optional<String> column(OfferId id, String column) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + column + " FROM offers WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
                .findOne()
                .flatMap(value -> value));
    }

    static Offer map(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        try {
            return read(rs);
        } catch (RuntimeException e) {
            throw new IllegalStateException("offer " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Offer read(ResultSet rs) throws SQLException {
        Submission submission = new Submission(rs.getString("description"),
                Condition.fromCode(rs.getString("condition_hint")),
                text(rs, "category_hint").map(Category::fromCode), strings(rs.getArray("photo_keys")));

        Optional<Identification> identification = Optional.empty();
        if (rs.getString("category") != null) {
            Item item = new Item(Category.fromCode(rs.getString("category")), text(rs, "subcategory"),
                    text(rs, "brand"), text(rs, "model"), Condition.fromCode(rs.getString("condition")),
                    OfferJson.strings(rs.getString("features")), OfferJson.strings(rs.getString("damage")));
            identification = Optional.of(new Identification(item, rs.getBigDecimal("ai_confidence")));
        }

        Optional<Quote> quote = money(rs, "offer_amount").map(amount ->
                new Quote(amount, money(rs, "fmv"), Optional.ofNullable(decimal(rs, "fmv_confidence"))));

        Optional<JakeScript> jake = Optional.empty();
        int tier = rs.getInt("jake_tier");
        if (!rs.wasNull()) {
            jake = Optional.of(new JakeScript(tier, rs.getString("jake_script"), text(rs, "jake_voice_key")));
        }

        Optional<Escalation> escalation = Optional.empty();
        Array reasons = rs.getArray("escalation_reasons");
        if (reasons != null) {
            escalation = Optional.of(new Escalation(strings(reasons), instant(rs, "escalated_at").orElseThrow(),
                    resolution(rs), instant(rs, "resolved_at")));
        }

        Optional<Acceptance> acceptance = Optional.empty();
        Optional<Instant> acceptedAt = instant(rs, "accepted_at");
        if (acceptedAt.isPresent()) {
            acceptance = Optional.of(new Acceptance(PayoutMethod.fromCode(rs.getString("payout_method")),
                    OfferJson.address(rs.getString("ship_address")), acceptedAt.get()));
        }

        Optional<Dispute> dispute = Optional.empty();
        if (rs.getString("dispute_reason") != null) {
            dispute = Optional.of(new Dispute(rs.getString("dispute_reason"), instant(rs, "disputed_at").orElseThrow(),
                    OfferStatus.fromCode(rs.getString("dispute_from")),
                    text(rs, "dispute_outcome").map(DisputeOutcome::fromCode), instant(rs, "dispute_resolved_at")));
        }

        Optional<Closure> closure = instant(rs, "closed_at").map(at -> new Closure(text(rs, "status_reason"), at));

        return new Offer(
                new OfferId(rs.getObject("id", UUID.class)),
                Optional.ofNullable(rs.getObject("user_id", UUID.class)).map(UserId::new),
                OfferStatus.fromCode(rs.getString("status")),
                submission,
                identification,
                quote,
                jake,
                escalation,
                instant(rs, "expires_at"),
                acceptance,
                instant(rs, "first_scan_at"),
                instant(rs, "received_at"),
                text(rs, "verification").map(OfferJson::verification),
                instant(rs, "paid_at"),
                dispute,
                closure,
                instant(rs, "created_at").orElseThrow(),
                instant(rs, "changed_at").orElseThrow(),
                rs.getLong("version"));
    }

    private static Optional<EscalationResolution> resolution(ResultSet rs) throws SQLException {
        Optional<String> action = text(rs, "resolution_action");
        if (action.isEmpty()) {
            return Optional.empty();
        }
        UserId reviewer = new UserId(rs.getObject("resolved_by", UUID.class));
        String notes = rs.getString("resolution_notes");
        return Optional.of(switch (EscalationAction.fromCode(action.get())) {
            case APPROVE -> new EscalationResolution.Approve(reviewer, notes);
            case CUSTOM_PRICE -> new EscalationResolution.CustomPrice(reviewer,
                    money(rs, "resolution_amount").orElseThrow(), notes);
            case REJECT -> new EscalationResolution.Reject(reviewer, notes);
        });
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }

    private static Optional<String> text(ResultSet rs, String column) {
        try {
            return Optional.ofNullable(rs.getString(column));
        } catch (SQLException e) {
            throw new IllegalStateException(column, e);
        }
    }

    private static BigDecimal decimal(ResultSet rs, String column) {
        try {
            return rs.getBigDecimal(column);
        } catch (SQLException e) {
            throw new IllegalStateException(column, e);
        }
    }

    private static Optional<Money> money(ResultSet rs, String column) {
        return Optional.ofNullable(decimal(rs, column)).map(Money::usd);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) {
        try {
            return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
        } catch (SQLException e) {
            throw new IllegalStateException(column, e);
        }
    }
}
