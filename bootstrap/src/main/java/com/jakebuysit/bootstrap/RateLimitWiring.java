package com.jakebuysit.bootstrap;

import com.codahale.metrics.Counter;
import com.jakebuysit.adapters.in.rest.ClientAddressFilter;
import com.jakebuysit.adapters.in.rest.RouteLimitFilter;
import com.jakebuysit.adapters.in.rest.TrustedProxies;
import com.jakebuysit.adapters.in.rest.errors.RateLimitExceptionMappers;
import com.jakebuysit.application.limits.LimiterOutage;
import com.jakebuysit.application.limits.OfferAllowances;
import com.jakebuysit.application.limits.RouteLimit;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client addresses and limits on the application port: the client-address filter (first in the
 * chain), the per-route limit, the offer allowances handed to the intake, and the 429/503 mappers.
 * The admin port has neither filter.
 */
final class RateLimitWiring {

    /** Counts calls served without their limit because the counters were unreachable. */
    static final String UNAVAILABLE_METRIC = "rate_limiter.unavailable";

    /** Not counted: load balancer probes, and providers' signed webhooks (one provider address, bursts). */
    static final List<String> EXEMPT = List.of("/health", "/api/v1/webhooks");

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitWiring.class);

    private RateLimitWiring() {
    }

    static void register(Core core, Environment environment) {
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.parse(core.config().getNetwork().getTrustedProxies());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("network.trustedProxies (TRUSTED_PROXIES): " + e.getMessage(), e);
        }
        FilterRegistration.Dynamic clientAddress = environment.servlets()
                .addFilter("client-address", new ClientAddressFilter(proxies));
        clientAddress.setAsyncSupported(true);
        // Matched before every filter registered so far or later (isMatchAfter = false): all of them see the client.
        clientAddress.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");

        RouteLimit routes = new RouteLimit(core.infrastructure().rateLimiter(), core.rules(),
                core.accessTokens(), outage("route limit", environment, core), core.clock());
        FilterRegistration.Dynamic routeLimit = environment.servlets()
                .addFilter("route-limit", new RouteLimitFilter(routes, environment.getObjectMapper(), EXEMPT));
        routeLimit.setAsyncSupported(true);
        // After the request-id filter, so a 429 carries X-Request-Id like every other answer.
        routeLimit.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");

        environment.jersey().register(new RateLimitExceptionMappers.RateLimitedMapper());
        environment.jersey().register(new RateLimitExceptionMappers.LimiterUnavailableMapper());
        LOG.info("client addresses: {}", proxies.isEmpty() ? "the connection's (no trusted proxy)"
                : "X-Forwarded-For behind the trusted proxies " + core.config().getNetwork().getTrustedProxies());
    }

    /** The offer allowances of the intake ({@code SubmitOffer}); fail open to its fraud screening. */
    static OfferAllowances offerAllowances(Core core, Environment environment) {
        return new OfferAllowances(core.infrastructure().rateLimiter(), outage("offer allowances", environment, core));
    }

    private static LimiterOutage outage(String what, Environment environment, Core core) {
        // One counter for every limit that fails open; registry.counter() returns the same one each time.
        Counter unavailable = environment.metrics().counter(UNAVAILABLE_METRIC);
        return new LimiterOutage(what, unavailable::inc, core.clock());
    }
}
