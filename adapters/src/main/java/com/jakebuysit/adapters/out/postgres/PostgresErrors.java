package com.jakebuysit.adapters.out.postgres;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;

/** Reads PostgreSQL's answer to a failed statement: which constraint said no. */
public final class PostgresErrors {

    public static final String UNIQUE_VIOLATION = "23505";

    private PostgresErrors() {
    }

    public static boolean isUniqueViolation(Throwable error, String constraint) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && UNIQUE_VIOLATION.equals(psql.getSQLState())) {
                return psql.getServerErrorMessage() != null
                        && constraint.equals(psql.getServerErrorMessage().getConstraint());
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                return isUniqueViolation(sql.getNextException(), constraint);
            }
        }
        return false;
    }
}
