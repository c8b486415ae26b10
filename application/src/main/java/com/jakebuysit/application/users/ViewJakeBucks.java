package com.jakebuysit.application.users;

import com.jakebuysit.application.port.AccountSummaries;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.User;
import java.util.Objects;
import java.util.Optional;

/** A seller reads their Jake Bucks statement: the balance and the ledger entries, newest first. */
public final class ViewJakeBucks {

    private final Transactor transactor;
    private final Users users;
    private final AccountSummaries summaries;

    public ViewJakeBucks(Transactor transactor, Users users, AccountSummaries summaries) {
        this.transactor = transactor;
        this.users = users;
        this.summaries = summaries;
    }

    /** @param limit as asked; kept within 1..{@link Page#MAX_LIMIT} */
    public record Query(UserId userId, Optional<String> cursor, Integer limit) {
        public Query {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(cursor, "cursor");
        }
    }

    public record Statement(Money balance, Page<AccountSummaries.JakeBucksLine> entries) {
    }

    /**
     * The statement; empty when the account no longer exists.
     *
     * @throws com.jakebuysit.application.port.InvalidCursor when the cursor is not one we made
     */
    public Optional<Statement> execute(Query query) {
        return transactor.inTransaction(() -> users.byId(query.userId()).map(User::jakeBucksBalance).map(balance ->
                new Statement(balance, summaries.jakeBucks(query.userId(), query.cursor(), Page.limit(query.limit())))));
    }
}
