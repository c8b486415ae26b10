package com.jakebuysit.bootstrap;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.MetricRegistry;
import com.jakebuysit.adapters.in.rest.admin.AdminEscalationsResource;
import com.jakebuysit.adapters.out.postgres.JdbiEscalationQueue;
import com.jakebuysit.adapters.out.postgres.QueueEscalationChannel;
import com.jakebuysit.application.escalations.ListEscalations;
import com.jakebuysit.application.escalations.ResolveEscalation;
import com.jakebuysit.application.escalations.SpeakApprovedPrice;
import com.jakebuysit.application.port.EscalationChannel;
import com.jakebuysit.application.port.EscalationQueue;
import io.dropwizard.core.setup.Environment;
import java.util.concurrent.TimeUnit;

/** The reviewers' escalation queue: the admin routes, the decision use case, the channel that tells reviewers. */
final class EscalationsWiring {

    private EscalationsWiring() {
    }

    /**
     * The escalation channel every use case that puts an item in the queue tells: the queue itself
     * (the Telegram adapter comes later). Its counters are shared on the registry, so calling this
     * more than once is harmless.
     */
    static EscalationChannel channel(Environment environment) {
        return new QueueEscalationChannel(environment.metrics());
    }

    static void register(Core core, OffersWiring.Parts offers, Environment environment) {
        EscalationQueue queue = new JdbiEscalationQueue(core.jdbi());
        // Read at most every 30 s by the scrape, not on every request.
        environment.metrics().gauge(MetricRegistry.name("escalations", "queue", "size"),
                () -> new CachedGauge<Long>(30, TimeUnit.SECONDS) {
                    @Override
                    protected Long loadValue() {
                        return queue.size();
                    }
                });

        SpeakApprovedPrice voice = new SpeakApprovedPrice(core.transactor(), offers.offers(), offers.pipeline(),
                core.auditLog(), core.infrastructure().offerEvents(), offers.background(), core.clock());
        ResolveEscalation resolve = new ResolveEscalation(core.transactor(), offers.offers(), offers.rules(),
                offers.shipping().issuer(), core.auditLog(), core.infrastructure().offerEvents(), voice, core.clock());
        ListEscalations list = new ListEscalations(queue, offers.offers(), offers.photos(), core.users());
        environment.jersey().register(new AdminEscalationsResource(list, resolve, offers.view(), offers.store(),
                offers.idempotency()));
    }
}
