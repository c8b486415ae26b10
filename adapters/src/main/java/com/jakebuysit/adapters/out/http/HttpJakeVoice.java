package com.jakebuysit.adapters.out.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jakebuysit.application.port.JakeVoice;
import com.jakebuysit.domain.jake.ScriptPlan;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Jake's words and voice from the voice service.
 *
 * <pre>
 * POST {voiceBase}/generate-script
 *   → {"offer_id": "uuid", "item_name": "Apple iPhone 13 Pro", "offer_amount": "412.50",
 *      "fmv": "650.00" | null, "tier": 3, "tone": "celebratory"}
 *   ← {"script": "Well howdy, partner! …"}
 * POST {voiceBase}/generate-voice
 *   → {"script": "…", "tier": 3, "tone": "celebratory"}
 *   ← the audio itself: Content-Type audio/mpeg or audio/wav (any audio/*), body = the bytes
 * </pre>
 * Amounts travel as strings with two decimals. A blank script, a script over 4,000 characters, an
 * empty audio body or a non-audio content type make the answer unusable. A tier-1 plan is text
 * only, so {@link #speak} does not call the service for it.
 */
public final class HttpJakeVoice implements JakeVoice {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final String SCRIPT_PATH = "/generate-script";
    static final String VOICE_PATH = "/generate-voice";
    static final int MAX_SCRIPT_CHARS = 4000;
    private static final long MAX_AUDIO = 20L << 20;

    private final ProviderHttp http;

    public HttpJakeVoice(URI voiceBase) {
        this(voiceBase, DEFAULT_TIMEOUT, RetryPolicy.standard());
    }

    public HttpJakeVoice(URI voiceBase, Duration timeout, RetryPolicy retry) {
        this.http = new ProviderHttp("voice-service", voiceBase, timeout, retry, MAX_AUDIO);
    }

    @Override
    public String script(ScriptRequest request) {
        ObjectNode body = ProviderJson.object();
        body.put("offer_id", request.offerId().toString());
        body.put("item_name", request.itemName());
        body.put("offer_amount", request.offerAmount().toWire());
        if (request.fmv().isPresent()) {
            body.put("fmv", request.fmv().get().toWire());
        } else {
            body.putNull("fmv");
        }
        body.put("tier", request.plan().tier());
        body.put("tone", request.plan().tone().code());

        ProviderHttp.Reply reply = http.post(SCRIPT_PATH, ProviderJson.bytes(body), "application/json");
        ObjectNode answer = ProviderJson.objectBody(http, SCRIPT_PATH, reply.body());
        String script = WireValues.text(answer, "script")
                .orElseThrow(() -> http.malformed(SCRIPT_PATH, "no script"));
        if (script.length() > MAX_SCRIPT_CHARS) {
            throw http.malformed(SCRIPT_PATH, "a script of " + script.length() + " characters");
        }
        return script;
    }

    @Override
    public Optional<Audio> speak(String script, ScriptPlan plan) {
        if (!plan.voiced()) {
            return Optional.empty();
        }
        ObjectNode body = ProviderJson.object();
        body.put("script", script);
        body.put("tier", plan.tier());
        body.put("tone", plan.tone().code());

        ProviderHttp.Reply reply = http.post(VOICE_PATH, ProviderJson.bytes(body), "audio/mpeg, audio/wav;q=0.9, audio/*;q=0.8");
        if (reply.body().length == 0) {
            throw http.malformed(VOICE_PATH, "no audio");
        }
        String contentType = audioType(reply.contentType(), reply.body());
        if (contentType == null) {
            throw http.malformed(VOICE_PATH, "content type '" + reply.contentType() + "' is not audio");
        }
        return Optional.of(new Audio(reply.body(), contentType));
    }

    /** The declared audio type without parameters; sniffed from the bytes when none is declared. */
    static String audioType(String declared, byte[] body) {
        String type = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.startsWith("audio/")) {
            return type;
        }
        if (!type.isEmpty() && !type.equals("application/octet-stream")) {
            return null;
        }
        if (body.length >= 12 && startsWith(body, 0, "RIFF") && startsWith(body, 8, "WAVE")) {
            return "audio/wav";
        }
        if (startsWith(body, 0, "ID3") || (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xE0) == 0xE0)) {
            return "audio/mpeg";
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int offset, String ascii) {
        if (body.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (body[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
