package com.jakebuysit.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.application.port.AccessTokens;
import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.PasswordHasher;
import com.jakebuysit.application.port.RulesConfig;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The adapters every feature's wiring shares, built once in {@link JakeBuysItApplication#run}.
 * One {@code rules}: its cache is invalidated on write, which only reaches the instance written through.
 */
record Core(
        JakeBuysItConfiguration config,
        Clock clock,
        ObjectMapper json,
        Jdbi jdbi,
        Transactor transactor,
        Infrastructure infrastructure,
        Users users,
        AuditLog auditLog,
        AccessTokens accessTokens,
        PasswordHasher passwordHasher,
        RulesConfig rules) {
}
