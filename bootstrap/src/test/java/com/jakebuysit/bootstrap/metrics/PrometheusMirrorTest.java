package com.jakebuysit.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

/** Dropwizard's metric names, as promtool wants them: snake_case, no placeholders, no gauge "_count". */
class PrometheusMirrorTest {

    @Test
    void camelCaseAndAcronymsBecomeSnakeCase() {
        assertThat(PrometheusMirror.prometheusName("io.dropwizard.db.ManagedPooledDataSource.postgresql.releasedIdle", true))
                .isEqualTo("io.dropwizard.db.managed_pooled_data_source.postgresql.released_idle");
        assertThat(PrometheusMirror.prometheusName("TimeBoundHealthCheck-pool.running", false))
                .isEqualTo("time_bound_health_check_pool.running");
        assertThat(PrometheusMirror.prometheusName("api.HTTPResource.get", false)).isEqualTo("api.http_resource.get");
    }

    @Test
    void threadNameFormatsLeaveNoPlaceholderBehind() {
        assertThat(PrometheusMirror.prometheusName("offer-stream-heartbeat-%d.running", false))
                .isEqualTo("offer_stream_heartbeat.running");
        assertThat(PrometheusMirror.prometheusName("offer-stream-heartbeat-%d", false))
                .isEqualTo("offer_stream_heartbeat");
    }

    @Test
    void aGaugeNamedCountIsRenamedSoItIsNotReadAsAHistogramCount() {
        assertThat(PrometheusMirror.prometheusName("jvm.threads.count", true)).isEqualTo("jvm.threads.current");
        assertThat(PrometheusMirror.prometheusName("jvm.threads.count", false)).isEqualTo("jvm.threads.count");
    }

    @Test
    void metricsAddedLaterAreMirroredAndRemovedOnesGoToo() {
        MetricRegistry source = new MetricRegistry();
        MetricRegistry mirror = PrometheusMirror.of(source);

        source.counter("api.OffersResource.create.errors");
        assertThat(mirror.getNames()).contains("api.offers_resource.create.errors");

        source.remove("api.OffersResource.create.errors");
        assertThat(mirror.getNames()).doesNotContain("api.offers_resource.create.errors");
    }
}
