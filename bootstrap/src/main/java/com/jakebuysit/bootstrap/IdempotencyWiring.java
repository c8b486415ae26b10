package com.jakebuysit.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.in.rest.IdempotentRequests;
import com.jakebuysit.adapters.in.rest.MappedErrorResponses;
import com.jakebuysit.adapters.out.postgres.JdbiIdempotencyKeys;
import com.jakebuysit.application.idempotency.PruneIdempotencyKeys;
import com.jakebuysit.bootstrap.config.IdempotencyConfig;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The Idempotency-Key piece the money and shipment resources wrap their work in, and the cleanup
 * use case for a recurring job. Errors are rendered by the exception mappers registered with
 * Jersey, which is why the environment is needed.
 */
final class IdempotencyWiring {

    /** What the wiring of a resource needs: the wrapper for its methods, and the cleanup to schedule. */
    record Idempotency(IdempotentRequests requests, PruneIdempotencyKeys prune) {
    }

    private IdempotencyWiring() {
    }

    static Idempotency build(Core core, Environment environment) {
        return build(core.config().getIdempotency(), core.jdbi(), core.json(), core.clock(), environment);
    }

    /** With the parts given one by one (a test's own clock, say). */
    static Idempotency build(IdempotencyConfig config, Jdbi jdbi, ObjectMapper json, Clock clock,
                             Environment environment) {
        MappedErrorResponses errors = errorResponses(environment);
        JdbiIdempotencyKeys keys = new JdbiIdempotencyKeys(jdbi);
        IdempotentRequests requests = new IdempotentRequests(keys, errors, json, clock,
                new IdempotentRequests.Settings(config.getKeyLifetime().toJavaDuration(),
                        config.getWaitForInProgress().toJavaDuration()));
        return new Idempotency(requests, new PruneIdempotencyKeys(keys, clock));
    }

    /**
     * The one registered instance: Jersey ignores a second instance of a class it has, and an
     * instance it ignored is never handed the mappers, so every build shares the first.
     */
    private static MappedErrorResponses errorResponses(Environment environment) {
        for (Object registered : environment.jersey().getResourceConfig().getInstances()) {
            if (registered instanceof MappedErrorResponses existing) {
                return existing;
            }
        }
        MappedErrorResponses errors = new MappedErrorResponses();
        environment.jersey().register(errors);
        return errors;
    }
}
