package com.jakebuysit.bootstrap;

import io.dropwizard.core.setup.Environment;

/** The real application plus the probe resource, for whole-app tests. */
public class TestApplication extends JakeBuysItApplication {

    @Override
    public void run(JakeBuysItConfiguration config, Environment environment) throws Exception {
        super.run(config, environment);
        environment.jersey().register(new ProbeResource());
    }
}
