package com.jakebuysit.adapters.out.local;

import com.jakebuysit.application.port.MarketResearch;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Market research from the shipped SAMPLE comparables: the catalog item with the request's brand and
 * model, and its sales in every condition (the domain's FMV estimator trims and weighs them), dated
 * relative to the clock. An item the catalog doesn't know has no comparables, and the pipeline then
 * prices from the category defaults.
 */
public final class LocalMarketResearch implements MarketResearch {

    /** What {@link Findings#source()} says, so a price breakdown shows the data was sample data. */
    public static final String SOURCE = "sample-data";

    private final Catalog catalog;
    private final SoldComparables comparables;
    private final Clock clock;

    public LocalMarketResearch(Clock clock) {
        this(Catalog.shipped(), SoldComparables.shipped(), clock);
    }

    public LocalMarketResearch(Catalog catalog, SoldComparables comparables, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.comparables = Objects.requireNonNull(comparables, "comparables");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Findings research(Request request) {
        if (request.model().isEmpty()) {
            return new Findings(List.of(), SOURCE);
        }
        return catalog.find(request.brand(), request.model().get())
                .map(item -> new Findings(comparables.forItem(item.id(), clock.instant()), SOURCE))
                .orElseGet(() -> new Findings(List.of(), SOURCE));
    }
}
