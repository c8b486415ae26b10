package com.jakebuysit.adapters.out.postgres;

import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs statements slower than a threshold by their name (repository and method), never their values. */
public final class SlowQueryLogger implements SqlLogger {

    private static final Logger LOG = LoggerFactory.getLogger(SlowQueryLogger.class);

    private final Duration threshold;

    public SlowQueryLogger(Duration threshold) {
        this.threshold = threshold;
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        check(context, null);
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        check(context, ex);
    }

    private void check(StatementContext context, SQLException ex) {
        if (context.getExecutionMoment() == null || context.getCompletionMoment() == null
                && context.getExceptionMoment() == null) {
            return;
        }
        var end = context.getCompletionMoment() != null ? context.getCompletionMoment() : context.getExceptionMoment();
        Duration elapsed = Duration.of(context.getExecutionMoment().until(end, ChronoUnit.MICROS), ChronoUnit.MICROS);
        if (elapsed.compareTo(threshold) >= 0) {
            LOG.warn("slow query {} took {} ms{}", nameOf(context), elapsed.toMillis(),
                    ex == null ? "" : " and failed: " + ex.getSQLState());
        }
    }

    static String nameOf(StatementContext context) {
        ExtensionMethod method = context.getExtensionMethod();
        if (method != null) {
            return method.getType().getSimpleName() + "." + method.getMethod().getName();
        }
        String sql = context.getRenderedSql() == null ? "" : context.getRenderedSql().strip();
        // Without a repository method, the statement's first words name it well enough.
        String[] words = sql.split("\\s+", 4);
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 3)));
    }
}
