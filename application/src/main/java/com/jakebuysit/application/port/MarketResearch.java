package com.jakebuysit.application.port;

import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.pricing.ComparableSale;
import java.util.List;
import java.util.Optional;

/** Finds recent sold listings comparable to an item. @throws ProviderFailure */
public interface MarketResearch {

    Findings research(Request request);

    record Request(Optional<String> brand, Optional<String> model, Category category, Condition condition) {
    }

    /** @param source where the comparables came from, e.g. "sample-data" or the provider's name */
    record Findings(List<ComparableSale> listings, String source) {
        public Findings {
            listings = List.copyOf(listings);
        }
    }
}
