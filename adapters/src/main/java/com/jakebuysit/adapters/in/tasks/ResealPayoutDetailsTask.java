package com.jakebuysit.adapters.in.tasks;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.users.ResealPayoutDetails;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/reseal-payout-details} on the admin port: after a new payout key became
 * active, re-seals every account's details still under an older key, in batches (one transaction
 * each), and reports how many. When it reports 0, the old key can leave {@code PAYOUT_KEYS}.
 */
public final class ResealPayoutDetailsTask extends Task {

    public static final String NAME = "reseal-payout-details";
    private static final int DEFAULT_BATCH = 200;

    private final ResealPayoutDetails reseal;

    public ResealPayoutDetailsTask(ResealPayoutDetails reseal) {
        super(NAME);
        this.reseal = reseal;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        int batch = parameters.getOrDefault("batchSize", List.of()).stream().findFirst()
                .map(Integer::parseInt).orElse(DEFAULT_BATCH);
        AuditLog.Actor actor = AuditLog.Actor.system();
        int total = 0;
        int done;
        do {
            done = reseal.execute(new ResealPayoutDetails.Command(batch, actor));
            total += done;
        } while (done == batch);
        output.println("re-sealed " + total + " accounts' payout details under the active key");
        output.flush();
    }
}
