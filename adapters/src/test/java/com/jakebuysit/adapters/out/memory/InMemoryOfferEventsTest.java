package com.jakebuysit.adapters.out.memory;

import com.jakebuysit.adapters.out.contract.OfferEventsContract;
import com.jakebuysit.application.port.OfferEvents;
import org.junit.jupiter.api.AfterEach;

class InMemoryOfferEventsTest extends OfferEventsContract {

    private final InMemoryOfferEvents events = new InMemoryOfferEvents();

    @Override
    protected OfferEvents events() {
        return events;
    }

    @AfterEach
    void close() {
        events.close();
    }
}
