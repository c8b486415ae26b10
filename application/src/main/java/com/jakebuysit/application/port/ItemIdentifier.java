package com.jakebuysit.application.port;

import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.offer.Identification;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Says what an item is from its photos and the seller's words. @throws ProviderFailure */
public interface ItemIdentifier {

    Identified identify(Request request);

    record Request(List<URI> photoUrls, String description, Optional<Category> categoryHint,
                   Optional<Condition> conditionHint) {
        public Request {
            photoUrls = List.copyOf(photoUrls);
        }
    }

    /** @param identifiers e.g. UPC, ISBN, IMEI when the identifier read one */
    record Identified(Identification identification, Map<String, String> identifiers) {
        public Identified {
            identifiers = Map.copyOf(identifiers);
        }
    }
}
