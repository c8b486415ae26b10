package com.jakebuysit.adapters.in.rest;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/** {@code GET /health}: 200 when every dependency answers, 503 naming the one that does not. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final HealthCheckRegistry checks;

    public HealthResource(HealthCheckRegistry checks) {
        this.checks = checks;
    }

    @GET
    public Response health() {
        SortedMap<String, HealthCheck.Result> results = checks.runHealthChecks();
        Map<String, Object> dependencies = new LinkedHashMap<>();
        boolean healthy = true;
        for (Map.Entry<String, HealthCheck.Result> entry : results.entrySet()) {
            HealthCheck.Result result = entry.getValue();
            healthy &= result.isHealthy();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("status", result.isHealthy() ? "up" : "down");
            if (result.getMessage() != null) {
                state.put("message", result.getMessage());
            }
            dependencies.put(entry.getKey(), state);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "ok" : "down");
        body.put("dependencies", dependencies);
        return Response.status(healthy ? 200 : 503).entity(body).build();
    }
}
