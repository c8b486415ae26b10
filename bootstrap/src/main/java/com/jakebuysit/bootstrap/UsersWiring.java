package com.jakebuysit.bootstrap;

import com.jakebuysit.adapters.in.rest.users.AdminUsersResource;
import com.jakebuysit.adapters.in.rest.users.UsersResource;
import com.jakebuysit.adapters.in.tasks.ResealPayoutDetailsTask;
import com.jakebuysit.adapters.out.postgres.JdbiAccountSummaries;
import com.jakebuysit.adapters.out.postgres.JdbiPayoutDetailsVault;
import com.jakebuysit.adapters.out.postgres.JdbiRefreshTokens;
import com.jakebuysit.application.port.AccountSummaries;
import com.jakebuysit.application.port.PayoutDetailsVault;
import com.jakebuysit.application.port.SecretBox;
import com.jakebuysit.application.users.AdministerAccount;
import com.jakebuysit.application.users.ResealPayoutDetails;
import com.jakebuysit.application.users.SearchAccounts;
import com.jakebuysit.application.users.SetPayoutMethod;
import com.jakebuysit.application.users.UpdateProfile;
import com.jakebuysit.application.users.ViewAccount;
import com.jakebuysit.application.users.ViewDashboard;
import com.jakebuysit.application.users.ViewHistory;
import com.jakebuysit.application.users.ViewJakeBucks;
import io.dropwizard.core.setup.Environment;

/** The users API, the admin-user endpoints and the payout-details vault, from the shared {@link Core}. */
final class UsersWiring {

    private UsersWiring() {
    }

    static void register(Core core, Environment environment) {
        PayoutKeys keys = PayoutKeys.from(core.config().getAuth().getPayoutKeys(),
                core.config().getAuth().getPayoutActiveKeyId(), PayoutKeys.DEVELOPMENT_KEY_FILE);
        SecretBox secretBox = keys.secretBox();
        PayoutDetailsVault vault = new JdbiPayoutDetailsVault(core.jdbi(), secretBox, core.json());
        AccountSummaries summaries = new JdbiAccountSummaries(core.jdbi());

        environment.jersey().register(new UsersResource(
                new ViewAccount(core.transactor(), core.users()),
                new UpdateProfile(core.transactor(), core.users(), core.auditLog()),
                new ViewDashboard(core.transactor(), summaries),
                new SetPayoutMethod(core.transactor(), core.users(), vault, core.auditLog()),
                new ViewHistory(core.transactor(), summaries),
                new ViewJakeBucks(core.transactor(), core.users(), summaries)));
        environment.jersey().register(new AdminUsersResource(
                new SearchAccounts(core.transactor(), core.users()),
                new AdministerAccount(core.transactor(), core.users(), new JdbiRefreshTokens(core.jdbi()),
                        core.auditLog(), core.clock())));
        environment.admin().addTask(new ResealPayoutDetailsTask(
                new ResealPayoutDetails(core.transactor(), vault, core.auditLog())));
    }
}
