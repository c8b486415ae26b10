package com.jakebuysit.application.users;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.PayoutDetailsVault;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.PayoutDetails;
import com.jakebuysit.domain.account.User;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A seller chooses how they are paid. The details go sealed into the vault; the account keeps
 * only the method and the masked form, and the audit log sees only those.
 */
public final class SetPayoutMethod {

    private final Transactor transactor;
    private final Users users;
    private final PayoutDetailsVault vault;
    private final AuditLog auditLog;

    public SetPayoutMethod(Transactor transactor, Users users, PayoutDetailsVault vault, AuditLog auditLog) {
        this.transactor = transactor;
        this.users = users;
        this.vault = vault;
        this.auditLog = auditLog;
    }

    public record Command(UserId userId, PayoutDetails details, AuditLog.Actor actor) {
        public Command {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The account with its new payout method; empty when it no longer exists. */
    public Optional<User> execute(Command command) {
        return transactor.inTransaction(() -> users.lockById(command.userId()).map(before -> {
            PayoutDetails details = command.details();
            if (details instanceof PayoutDetails.JakeBucks) {
                vault.clear(before.id());
            } else {
                vault.put(before.id(), details);
            }
            User saved = users.update(before.withPayoutMethod(details.method(), details.masked()));
            // Always both fields: new details can have the same masked form as the old ones, still worth a line.
            auditLog.record(new AuditLog.AuditEntry("user", before.id().toString(), "payout_method_set",
                    command.actor(), payoutFields(before), payoutFields(saved)));
            return saved;
        }));
    }

    private static Map<String, Object> payoutFields(User user) {
        Map<String, Object> all = AccountSnapshot.of(user);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("payoutMethod", all.get("payoutMethod"));
        fields.put("payoutDetails", all.get("payoutDetails"));
        return fields;
    }
}
