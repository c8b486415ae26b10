package com.jakebuysit.domain.jake;

import com.jakebuysit.domain.Text;
import java.util.Optional;

/**
 * What Jake says about one offer ({@code jake: {tier, script, voiceUrl}} on the wire): the tier it
 * was made at, the script and, for voiced tiers, where the audio is.
 */
public record JakeScript(int tier, String script, Optional<String> voiceUrl) {

    public JakeScript {
        if (tier < ScriptPlan.TEXT_ONLY || tier > ScriptPlan.FULL_VOICED) {
            throw new IllegalArgumentException("script tier must be 1..3, was " + tier);
        }
        script = Text.required(script, "script", 4000);
        voiceUrl = Text.optional(voiceUrl, "voiceUrl");
        if (tier == ScriptPlan.TEXT_ONLY && voiceUrl.isPresent()) {
            throw new IllegalArgumentException("a tier 1 (text only) script has no audio");
        }
    }

    public static JakeScript textOnly(String script) {
        return new JakeScript(ScriptPlan.TEXT_ONLY, script, Optional.empty());
    }
}
