package com.jakebuysit.application.users;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.PayoutDetailsVault;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.PayoutDetails;
import java.util.List;
import java.util.Map;

/**
 * Key rotation, last step: re-seals, one batch per call, the payout details still sealed under a
 * retired key, so that key can then be removed from the configuration. Run until it answers 0.
 */
public final class ResealPayoutDetails {

    private final Transactor transactor;
    private final PayoutDetailsVault vault;
    private final AuditLog auditLog;

    public ResealPayoutDetails(Transactor transactor, PayoutDetailsVault vault, AuditLog auditLog) {
        this.transactor = transactor;
        this.vault = vault;
        this.auditLog = auditLog;
    }

    public record Command(int batchSize, AuditLog.Actor actor) {
        public Command {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("batchSize must be in 1..10000");
            }
        }
    }

    /** How many accounts this batch re-sealed. */
    public int execute(Command command) {
        return transactor.inTransaction(() -> {
            List<UserId> owners = vault.lockSealedUnderRetiredKeys(command.batchSize());
            for (UserId owner : owners) {
                String oldKey = vault.keyIdOf(owner).orElseThrow();
                PayoutDetails details;
                try {
                    details = vault.open(owner).orElseThrow();
                } catch (IllegalStateException e) {
                    // Stop loudly, naming the account: a value that does not open needs a person, not a skip.
                    throw new IllegalStateException("payout details of account " + owner + " do not open: "
                            + e.getMessage(), e);
                }
                vault.put(owner, details);
                String newKey = vault.keyIdOf(owner).orElseThrow();
                auditLog.record(new AuditLog.AuditEntry("user", owner.toString(), "payout_details_resealed",
                        command.actor(), Map.of("payoutKeyId", oldKey), Map.of("payoutKeyId", newKey)));
            }
            return owners.size();
        });
    }
}
