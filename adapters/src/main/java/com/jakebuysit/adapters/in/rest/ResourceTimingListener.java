package com.jakebuysit.adapters.in.rest;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * A timer for every resource method, without annotating each one: {@code api.<Resource>.<method>}.
 * Errors are counted per method too, so the error rate is visible per route.
 */
public final class ResourceTimingListener implements ApplicationEventListener {

    private final MetricRegistry metrics;
    private final Map<Method, Timer> timers = new ConcurrentHashMap<>();

    public ResourceTimingListener(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // Nothing to do at application level.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        return new RequestEventListener() {
            private Timer.Context context;

            @Override
            public void onEvent(RequestEvent event) {
                if (event.getType() == RequestEvent.Type.RESOURCE_METHOD_START) {
                    context = timerFor(event.getUriInfo().getMatchedResourceMethod()).time();
                } else if (event.getType() == RequestEvent.Type.FINISHED && context != null) {
                    context.stop();
                    if (!event.isSuccess() || (event.getContainerResponse() != null
                            && event.getContainerResponse().getStatus() >= 500)) {
                        ResourceMethod method = event.getUriInfo().getMatchedResourceMethod();
                        metrics.counter(name(method.getInvocable().getDefinitionMethod()) + ".errors").inc();
                    }
                }
            }
        };
    }

    private Timer timerFor(ResourceMethod method) {
        Method definition = method.getInvocable().getDefinitionMethod();
        return timers.computeIfAbsent(definition, m -> metrics.timer(name(m)));
    }

    private static String name(Method method) {
        return "api." + method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
