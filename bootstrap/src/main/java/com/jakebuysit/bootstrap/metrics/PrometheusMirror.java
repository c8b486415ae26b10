package com.jakebuysit.bootstrap.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricRegistryListener;
import com.codahale.metrics.Timer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Mirrors every Dropwizard metric into a second registry under a Prometheus-style name
 * (snake_case, no {@code _count} on gauges), so the scrape passes {@code promtool check metrics}
 * while the metrics themselves stay Dropwizard's own objects.
 */
public final class PrometheusMirror implements MetricRegistryListener {

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern ACRONYM = Pattern.compile("([A-Z]+)([A-Z][a-z])");
    // Executors are named by a thread-name format ("pool-%d"); the placeholder is no part of a metric name.
    private static final Pattern FORMAT_PLACEHOLDER = Pattern.compile("%[a-z]");
    private static final Pattern DANGLING_SEPARATOR = Pattern.compile("[-_]+(?=\\.|$)");

    private final MetricRegistry mirror = new MetricRegistry();

    public static MetricRegistry of(MetricRegistry source) {
        PrometheusMirror listener = new PrometheusMirror();
        source.addListener(listener);
        return listener.mirror;
    }

    static String prometheusName(String dropwizardName, boolean gauge) {
        String name = FORMAT_PLACEHOLDER.matcher(dropwizardName).replaceAll("");
        name = DANGLING_SEPARATOR.matcher(name).replaceAll("");
        name = ACRONYM.matcher(name).replaceAll("$1_$2");
        name = CAMEL.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT).replace('-', '_');
        // A gauge named "...count" reads as a histogram's count to Prometheus.
        if (gauge && name.endsWith(".count")) {
            name = name.substring(0, name.length() - ".count".length()) + ".current";
        }
        return name;
    }

    private void add(String name, Metric metric, boolean gauge) {
        String renamed = prometheusName(name, gauge);
        if (!mirror.getNames().contains(renamed)) {
            mirror.register(renamed, metric);
        }
    }

    private void remove(String name, boolean gauge) {
        mirror.remove(prometheusName(name, gauge));
    }

    @Override
    public void onGaugeAdded(String name, Gauge<?> gauge) {
        add(name, gauge, true);
    }

    @Override
    public void onGaugeRemoved(String name) {
        remove(name, true);
    }

    @Override
    public void onCounterAdded(String name, Counter counter) {
        add(name, counter, false);
    }

    @Override
    public void onCounterRemoved(String name) {
        remove(name, false);
    }

    @Override
    public void onHistogramAdded(String name, Histogram histogram) {
        add(name, histogram, false);
    }

    @Override
    public void onHistogramRemoved(String name) {
        remove(name, false);
    }

    @Override
    public void onMeterAdded(String name, Meter meter) {
        add(name, meter, false);
    }

    @Override
    public void onMeterRemoved(String name) {
        remove(name, false);
    }

    @Override
    public void onTimerAdded(String name, Timer timer) {
        add(name, timer, false);
    }

    @Override
    public void onTimerRemoved(String name) {
        remove(name, false);
    }
}
