package com.jakebuysit.adapters.out.postgres;

import com.jakebuysit.application.port.Transactor;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * One transaction around a use case. JDBI binds the open handle to the thread, so every
 * on-demand repository called inside {@code work} joins this transaction.
 */
public final class JdbiTransactor implements Transactor {

    private final Jdbi jdbi;

    public JdbiTransactor(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
