package com.jakebuysit.application.users;

import com.jakebuysit.application.port.AccountSummaries;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.domain.UserId;
import java.util.Objects;
import java.util.Optional;

/** A seller looks at their figures: offers under way, sales completed, money earned, balance, trust. */
public final class ViewDashboard {

    private final Transactor transactor;
    private final AccountSummaries summaries;

    public ViewDashboard(Transactor transactor, AccountSummaries summaries) {
        this.transactor = transactor;
        this.summaries = summaries;
    }

    public record Query(UserId userId) {
        public Query {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** The figures; empty when the account no longer exists. */
    public Optional<AccountSummaries.Dashboard> execute(Query query) {
        return transactor.inTransaction(() -> summaries.dashboard(query.userId()));
    }
}
