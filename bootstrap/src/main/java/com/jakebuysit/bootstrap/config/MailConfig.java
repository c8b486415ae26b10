package com.jakebuysit.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

/** Outgoing mail. For now the local mailer: one .eml file per message under {@link #directory}. */
public class MailConfig {

    @NotBlank
    @JsonProperty
    private String directory = "var/mail";

    @NotBlank
    @JsonProperty
    private String from = "JakeBuysIt <no-reply@jakebuysit.local>";

    public String getDirectory() {
        return directory;
    }

    public String getFrom() {
        return from;
    }
}
