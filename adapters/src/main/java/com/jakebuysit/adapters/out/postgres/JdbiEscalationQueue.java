package com.jakebuysit.adapters.out.postgres;

import com.jakebuysit.application.port.EscalationQueue;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.domain.offer.Offer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The reviewers' queue as a view of the {@code offers} table: escalated offers, acceptances held
 * with their escalation open, open disputes. Ordered by when each entered the queue, oldest first;
 * the cursor is the last item's (queued time, id).
 */
public final class JdbiEscalationQueue implements EscalationQueue {

    /** When an item entered the queue: a dispute when it was opened, anything else when it escalated. */
    private static final String QUEUED_AT =
            "(CASE WHEN status = 'disputed' THEN disputed_at ELSE escalated_at END)";

    private static final String IN_QUEUE = """
            (status = 'escalated'
             OR (status = 'accepted' AND escalated_at IS NOT NULL AND resolved_at IS NULL)
             OR (status = 'disputed' AND dispute_resolved_at IS NULL))
            """;

    private final Jdbi jdbi;

    public JdbiEscalationQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Page<Offer> oldestFirst(Optional<String> cursor, int limit) {
        Optional<Cursors.Position> after = Cursors.decode(cursor);
        List<Offer> rows = jdbi.withHandle(handle -> handle.createQuery("SELECT *, " + QUEUED_AT
                        + " AS queued_at FROM offers WHERE " + IN_QUEUE + """
                           AND (CAST(:afterAt AS timestamptz) IS NULL
                                OR (%s, id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                         ORDER BY queued_at, id
                         LIMIT :limit
                        """.formatted(QUEUED_AT))
                .bind("afterAt", after.map(p -> p.createdAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                        .orElse(null))
                .bind("afterId", after.map(Cursors.Position::id).orElse(null))
                .bind("limit", limit + 1)
                .map(JdbiOffers::map)
                .list());
        boolean more = rows.size() > limit;
        List<Offer> page = more ? rows.subList(0, limit) : rows;
        Optional<String> next = more
                ? Optional.of(Cursors.encode(queuedAt(page.get(limit - 1)), page.get(limit - 1).id().value()))
                : Optional.empty();
        return new Page<>(page, next);
    }

    @Override
    public long size() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM offers WHERE " + IN_QUEUE)
                .mapTo(Long.class)
                .one());
    }

    /** The same instant the SQL orders by, read back from the offer. */
    private static Instant queuedAt(Offer offer) {
        if (offer.dispute().isPresent() && offer.dispute().get().isOpen()
                && offer.status() == com.jakebuysit.domain.offer.OfferStatus.DISPUTED) {
            return offer.dispute().get().openedAt();
        }
        return offer.escalation().orElseThrow().escalatedAt();
    }
}
