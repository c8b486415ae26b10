package com.jakebuysit.adapters.out.postgres;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.jakebuysit.application.port.EscalationChannel;
import com.jakebuysit.domain.OfferId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default escalation channel: the queue itself. The committed offer row IS the queue entry
 * (the admin API lists it from the offers table, see {@link JdbiEscalationQueue}), so there is
 * nothing to deliver: reviewers see an item by reading the queue. This adapter only counts each
 * notification per kind ({@code escalations.opened.<kind>}) so the rate of new items shows on the
 * metrics, and logs it. Pushing to reviewers (Telegram) is another adapter of the same port.
 * Registering its counters is idempotent: several instances on one registry share them.
 */
public final class QueueEscalationChannel implements EscalationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(QueueEscalationChannel.class);

    private final Map<Kind, Counter> opened = new EnumMap<>(Kind.class);

    public QueueEscalationChannel(MetricRegistry metrics) {
        for (Kind kind : Kind.values()) {
            opened.put(kind, metrics.counter(MetricRegistry.name("escalations", "opened", kind.code())));
        }
    }

    @Override
    public void escalationOpened(OfferId offer, Kind kind, List<String> reasons) {
        opened.get(kind).inc();
        LOG.info("review item {} for offer {} is in the queue: {}", kind.code(), offer, String.join("; ", reasons));
    }

    /** How many items of {@code kind} this process announced since it started. */
    public long openedCount(Kind kind) {
        return opened.get(kind).getCount();
    }
}
