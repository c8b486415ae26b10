package com.jakebuysit.application.port;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.jake.ScriptPlan;
import java.util.Optional;
import java.util.UUID;

/** Writes what Jake says about an offer, and speaks it when a voice is available. @throws ProviderFailure */
public interface JakeVoice {

    /** The words, in the tier and tone of the plan, naming the item and the amount. */
    String script(ScriptRequest request);

    /** Jake saying {@code script}; empty when this voice has no speech engine (tier-1 text only). */
    Optional<Audio> speak(String script, ScriptPlan plan);

    /** @param offerId varies the wording between offers, so Jake doesn't repeat himself */
    record ScriptRequest(UUID offerId, String itemName, Money offerAmount, Optional<Money> fmv, ScriptPlan plan) {
    }

    record Audio(byte[] content, String contentType) {
    }
}
