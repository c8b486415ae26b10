package com.jakebuysit.bootstrap;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The real application plus a probe resource whose work is an Idempotency-Key–wrapped effect,
 * with the idempotency piece on a clock the test moves.
 */
public class IdempotencyTestApplication extends JakeBuysItApplication {

    private final Clock clock;

    public IdempotencyTestApplication(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void run(JakeBuysItConfiguration config, Environment environment) throws Exception {
        super.run(config, environment);
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass(config.getDatabase().getDriverClass());
        database.setUrl(config.getDatabase().getUrl());
        database.setUser(config.getDatabase().getUser());
        database.setPassword(config.getDatabase().getPassword());
        database.setMinSize(2);
        database.setInitialSize(2);
        database.setMaxSize(16);
        Jdbi jdbi = new JdbiFactory().build(environment, database, "idempotency-probe");
        jdbi.useHandle(handle -> handle.execute("""
                CREATE TABLE IF NOT EXISTS idempotency_probe_effects (
                    id BIGSERIAL PRIMARY KEY,
                    label TEXT NOT NULL,
                    made_by TEXT NOT NULL)
                """));
        IdempotencyWiring.Idempotency idempotency = IdempotencyWiring.build(config.getIdempotency(), jdbi,
                environment.getObjectMapper(), clock, environment);
        environment.jersey().register(new IdempotencyProbeResource(idempotency.requests(), jdbi));
    }
}
