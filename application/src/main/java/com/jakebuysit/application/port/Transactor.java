package com.jakebuysit.application.port;

import java.util.function.Supplier;

/** Runs one use case's work in one database transaction: all of it commits, or none. */
public interface Transactor {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
