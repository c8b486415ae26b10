package com.jakebuysit.application.port;

import com.jakebuysit.domain.rules.BusinessRules;

/** The business rules as the config table holds them now (cached; invalidated on write). */
public interface RulesConfig {

    BusinessRules current();
}
