package com.jakebuysit.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Which implementation each external provider uses ("local" runs in-process with no
 * account anywhere) and the keys of the real ones, all from the environment.
 */
public class ProvidersConfig {

    @Valid
    @NotNull
    @JsonProperty
    private PhotoStore photos = new PhotoStore();

    @Valid
    @NotNull
    @JsonProperty
    private Http ai = new Http();

    @Valid
    @NotNull
    @JsonProperty
    private Voice voice = new Voice();

    @Valid
    @NotNull
    @JsonProperty
    private Keyed carrier = new Keyed();

    @Valid
    @NotNull
    @JsonProperty
    private Keyed payments = new Keyed();

    @Valid
    @NotNull
    @JsonProperty
    private Keyed escalation = new Keyed();

    public PhotoStore getPhotos() {
        return photos;
    }

    public Http getAi() {
        return ai;
    }

    public Voice getVoice() {
        return voice;
    }

    public Keyed getCarrier() {
        return carrier;
    }

    public Keyed getPayments() {
        return payments;
    }

    public Keyed getEscalation() {
        return escalation;
    }

    public static class PhotoStore {
        @Pattern(regexp = "local|s3")
        @JsonProperty
        private String type = "local";
        @JsonProperty
        private String localDirectory = "var/photos";
        @JsonProperty
        private String s3Bucket = "";
        @JsonProperty
        private String s3Endpoint = "";
        @JsonProperty
        private String s3Region = "us-east-1";
        @JsonProperty
        private String s3AccessKey = "";
        @JsonProperty
        private String s3SecretKey = "";
        /** Signs the local store's photo links (at least 32 bytes); empty: a random key per start. */
        @JsonProperty
        private String urlSigningSecret = "";

        public String getType() {
            return type;
        }

        public String getLocalDirectory() {
            return localDirectory;
        }

        public String getS3Bucket() {
            return s3Bucket;
        }

        public String getS3Endpoint() {
            return s3Endpoint;
        }

        public String getS3Region() {
            return s3Region;
        }

        public String getS3AccessKey() {
            return s3AccessKey;
        }

        public String getS3SecretKey() {
            return s3SecretKey;
        }

        public String getUrlSigningSecret() {
            return urlSigningSecret;
        }
    }

    /** A provider reached over HTTP, or "local". */
    public static class Http {
        @Pattern(regexp = "local|http")
        @JsonProperty
        private String type = "local";
        @JsonProperty
        private String url = "";

        public String getType() {
            return type;
        }

        public String getUrl() {
            return url;
        }
    }

    /** The voice service, or "local": script templates, spoken by espeak-ng when {@code espeakPath} names it. */
    public static class Voice extends Http {
        /** The espeak-ng binary (a path, or a name looked up on PATH); empty: the local voice is text only. */
        @JsonProperty
        private String espeakPath = "";

        public String getEspeakPath() {
            return espeakPath;
        }
    }

    /** A provider reached through its SDK with an API key and a webhook secret, or "local". */
    public static class Keyed {
        @NotNull
        @JsonProperty
        private String type = "local";
        @JsonProperty
        private String apiKey = "";
        @JsonProperty
        private String webhookSecret = "";
        @JsonProperty
        private String apiBase = "";

        public String getType() {
            return type;
        }

        public String getApiKey() {
            return apiKey;
        }

        public String getWebhookSecret() {
            return webhookSecret;
        }

        public String getApiBase() {
            return apiBase;
        }
    }
}
