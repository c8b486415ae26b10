package com.jakebuysit.bootstrap;

import com.jakebuysit.adapters.out.http.HttpItemIdentifier;
import com.jakebuysit.adapters.out.http.HttpJakeVoice;
import com.jakebuysit.adapters.out.http.HttpMarketResearch;
import com.jakebuysit.adapters.out.local.LocalItemIdentifier;
import com.jakebuysit.adapters.out.local.LocalJakeVoice;
import com.jakebuysit.adapters.out.local.LocalMarketResearch;
import com.jakebuysit.application.port.ItemIdentifier;
import com.jakebuysit.application.port.JakeVoice;
import com.jakebuysit.application.port.MarketResearch;
import com.jakebuysit.bootstrap.config.ProvidersConfig;
import java.net.URI;
import java.time.Clock;

/**
 * The AI and voice providers chosen in {@code providers.ai} and {@code providers.voice}: "local"
 * (the shipped catalog, sample comparables and script templates, espeak-ng when configured) or
 * "http" (the services at their URLs, with the default timeouts and retries).
 */
final class ProvidersWiring {

    /** The three provider ports of the offer pipeline. */
    record Providers(ItemIdentifier identifier, MarketResearch research, JakeVoice voice, JakeVoice textOnlyVoice) {
    }

    private ProvidersWiring() {
    }

    static Providers build(ProvidersConfig config, Clock clock) {
        return new Providers(itemIdentifier(config), marketResearch(config, clock), jakeVoice(config), textOnlyVoice());
    }

    static ItemIdentifier itemIdentifier(ProvidersConfig config) {
        return isHttp(config.getAi())
                ? new HttpItemIdentifier(url(config.getAi(), "providers.ai.url (AI_SERVICE_URL)"))
                : new LocalItemIdentifier();
    }

    static MarketResearch marketResearch(ProvidersConfig config, Clock clock) {
        return isHttp(config.getAi())
                ? new HttpMarketResearch(url(config.getAi(), "providers.ai.url (AI_SERVICE_URL)"))
                : new LocalMarketResearch(clock);
    }

    static JakeVoice jakeVoice(ProvidersConfig config) {
        ProvidersConfig.Voice voice = config.getVoice();
        return isHttp(voice)
                ? new HttpJakeVoice(url(voice, "providers.voice.url (VOICE_SERVICE_URL)"))
                : new LocalJakeVoice(voice.getEspeakPath());
    }

    /** Tier-1 text for the pipeline's fallback when the voice fails after its retries: templates, no audio. */
    static JakeVoice textOnlyVoice() {
        return new LocalJakeVoice("");
    }

    private static boolean isHttp(ProvidersConfig.Http provider) {
        return "http".equals(provider.getType());
    }

    private static URI url(ProvidersConfig.Http provider, String what) {
        String url = provider.getUrl() == null ? "" : provider.getUrl().strip();
        if (url.isEmpty()) {
            throw new IllegalStateException(what + " must be set when the provider type is http");
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not an http(s) URL: " + url, e);
        }
    }
}
