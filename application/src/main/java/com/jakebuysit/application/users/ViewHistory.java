package com.jakebuysit.application.users;

import com.jakebuysit.application.port.AccountSummaries;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.domain.UserId;
import java.util.Objects;
import java.util.Optional;

/** A seller pages through everything that happened on their account: offers, payouts, Jake Bucks. */
public final class ViewHistory {

    private final Transactor transactor;
    private final AccountSummaries summaries;

    public ViewHistory(Transactor transactor, AccountSummaries summaries) {
        this.transactor = transactor;
        this.summaries = summaries;
    }

    /** @param limit as asked; kept within 1..{@link Page#MAX_LIMIT} */
    public record Query(UserId userId, Optional<String> cursor, Integer limit) {
        public Query {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(cursor, "cursor");
        }
    }

    /** @throws com.jakebuysit.application.port.InvalidCursor when the cursor is not one we made */
    public Page<AccountSummaries.HistoryItem> execute(Query query) {
        return transactor.inTransaction(() ->
                summaries.history(query.userId(), query.cursor(), Page.limit(query.limit())));
    }
}
