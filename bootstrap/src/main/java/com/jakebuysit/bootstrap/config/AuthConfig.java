package com.jakebuysit.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Sign-in, tokens and the keys behind them; every secret comes from the environment. */
public class AuthConfig {

    /** HS256 secret for access tokens (≥ 32 bytes); empty = a development key made at start. */
    @JsonProperty
    private String jwtSecret;

    @NotBlank
    @JsonProperty
    private String issuer = "jakebuysit";

    @NotBlank
    @JsonProperty
    private String audience = "jakebuysit-api";

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @JsonProperty
    private Duration accessTokenLifetime = Duration.minutes(15);

    @NotNull
    @JsonProperty
    private Duration refreshIdleLifetime = Duration.days(7);

    @NotNull
    @JsonProperty
    private Duration refreshAbsoluteLifetime = Duration.days(30);

    @NotNull
    @JsonProperty
    private Duration passwordResetLifetime = Duration.minutes(30);

    /** Reset mails per email address per {@link #passwordResetLifetime}; more requests are answered but send nothing. */
    @Min(1)
    @JsonProperty
    private int passwordResetRequestsAllowed = 3;

    @Min(10)
    @Max(31)
    @JsonProperty
    private int bcryptCost = 12;

    /** Failed logins for one email within {@link #loginFailureWindow} before 429. */
    @Min(1)
    @JsonProperty
    private int loginFailuresAllowed = 5;

    @NotNull
    @JsonProperty
    private Duration loginFailureWindow = Duration.minutes(15);

    /** The first admin, created at start when set and no account has the email. */
    @JsonProperty
    private String bootstrapAdminEmail;

    @JsonProperty
    private String bootstrapAdminPassword;

    /** Where links in mail point (password reset). */
    @NotBlank
    @JsonProperty
    private String publicBaseUrl = "http://localhost:8080";

    /** Payout-detail keys as {@code keyId:base64(32 bytes)} pairs, comma-separated; empty = a development key under var/keys. */
    @JsonProperty
    private String payoutKeys;

    /** Which of {@link #payoutKeys} seals new data; older ones still open what they sealed. */
    @JsonProperty
    private String payoutActiveKeyId;

    @Valid
    @NotNull
    @JsonProperty
    private OAuthProvider google = new OAuthProvider("https://www.googleapis.com/oauth2/v3/certs",
            List.of("https://accounts.google.com", "accounts.google.com"));

    @Valid
    @NotNull
    @JsonProperty
    private OAuthProvider apple = new OAuthProvider("https://appleid.apple.com/auth/keys",
            List.of("https://appleid.apple.com"));

    public String getJwtSecret() {
        return jwtSecret;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getAudience() {
        return audience;
    }

    public Duration getAccessTokenLifetime() {
        return accessTokenLifetime;
    }

    public Duration getRefreshIdleLifetime() {
        return refreshIdleLifetime;
    }

    public Duration getRefreshAbsoluteLifetime() {
        return refreshAbsoluteLifetime;
    }

    public Duration getPasswordResetLifetime() {
        return passwordResetLifetime;
    }

    public int getPasswordResetRequestsAllowed() {
        return passwordResetRequestsAllowed;
    }

    public int getBcryptCost() {
        return bcryptCost;
    }

    public int getLoginFailuresAllowed() {
        return loginFailuresAllowed;
    }

    public Duration getLoginFailureWindow() {
        return loginFailureWindow;
    }

    public String getBootstrapAdminEmail() {
        return bootstrapAdminEmail;
    }

    public String getBootstrapAdminPassword() {
        return bootstrapAdminPassword;
    }

    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    public String getPayoutKeys() {
        return payoutKeys;
    }

    public String getPayoutActiveKeyId() {
        return payoutActiveKeyId;
    }

    public OAuthProvider getGoogle() {
        return google;
    }

    public OAuthProvider getApple() {
        return apple;
    }

    /** An OpenID provider: our client id (the expected audience), its JWKS and its issuers. */
    public static class OAuthProvider {
        /** Empty disables sign-in with this provider (401 on its endpoint). */
        @JsonProperty
        private String clientId;

        @NotBlank
        @JsonProperty
        private String jwksUrl;

        @NotNull
        @JsonProperty
        private List<String> issuers;

        public OAuthProvider() {
        }

        OAuthProvider(String jwksUrl, List<String> issuers) {
            this.jwksUrl = jwksUrl;
            this.issuers = issuers;
        }

        public String getClientId() {
            return clientId;
        }

        public String getJwksUrl() {
            return jwksUrl;
        }

        public List<String> getIssuers() {
            return issuers;
        }
    }
}
