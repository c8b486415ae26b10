package com.jakebuysit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @Test
    void emailIsNormalisedToLowerCase() {
        assertThat(Email.of("  Jane.Doe+jake@Example.COM ").value()).isEqualTo("jane.doe+jake@example.com");
        assertThat(Email.of("a@b.co")).isEqualTo(Email.of("A@B.CO"));
        assertThat(Email.of("x@mail.example.org").domain()).isEqualTo("mail.example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "plain", "@example.com", "a@", "a@b", "a@@b.com", "a b@c.com", "a@b..com",
            ".a@b.com", "a.@b.com", "a@-b.com", "a@b.123", "a@b_c.com"})
    void emailRejectsWhatIsNotAnAddress(String bad) {
        assertThatThrownBy(() -> Email.of(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emailRejectsNullAndOverlongAddresses() {
        assertThatThrownBy(() -> Email.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Email.of("a".repeat(65) + "@b.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsParseOnlyCanonicalUuids() {
        OfferId id = OfferId.of("6F1C2A0E-8B7D-4C3A-9E21-0A1B2C3D4E5F");
        assertThat(id.toString()).isEqualTo("6f1c2a0e-8b7d-4c3a-9e21-0a1b2c3d4e5f");
        assertThat(OfferId.of(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> OfferId.of("1-1-1-1-1")).hasMessageContaining("not a valid offer id");
        assertThatThrownBy(() -> UserId.of("nope")).hasMessageContaining("not a valid user id");
        assertThatThrownBy(() -> new UserId(null)).isInstanceOf(NullPointerException.class);
        assertThat(UserId.random()).isNotEqualTo(UserId.random());
    }

    @Test
    void trustScoreIsZeroToHundred() {
        assertThat(TrustScore.of(0).value()).isZero();
        assertThat(TrustScore.of(100).isAtLeast(80)).isTrue();
        assertThat(TrustScore.of(29).isBelow(30)).isTrue();
        assertThatThrownBy(() -> TrustScore.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustScore.of(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressIsTrimmedAndStreet2IsOptional() {
        Address address = new Address(" Jane ", "1 Main St", Optional.of("  "), "Austin", "tx", "78701-1234", "us");
        assertThat(address.name()).isEqualTo("Jane");
        assertThat(address.street2()).isEmpty();
        assertThat(address.state()).isEqualTo("TX");
        assertThat(address.country()).isEqualTo("US");
        assertThat(address.oneLine()).isEqualTo("Jane, 1 Main St, Austin, TX 78701-1234, US");
        assertThat(new Address("Jo", "Rue 1", Optional.of("Bât. B"), "Paris", "Île-de-France", "75001", "FR")
                .street2()).contains("Bât. B");
    }

    @Test
    void addressRejectsMissingAndMalformedParts() {
        assertThatThrownBy(() -> new Address("", "1 Main St", "Austin", "TX", "78701", "US"))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> new Address("Jane", "1 Main St", "Austin", "Texas", "78701", "US"))
                .hasMessageContaining("state");
        assertThatThrownBy(() -> new Address("Jane", "1 Main St", "Austin", "TX", "7870", "US"))
                .hasMessageContaining("ZIP");
        assertThatThrownBy(() -> new Address("Jane", "1 Main St", "Austin", "TX", "78701", "USA"))
                .hasMessageContaining("country");
        assertThatThrownBy(() -> new Address("Jane", null, "Austin", "TX", "78701", "US"))
                .hasMessageContaining("street1");
    }

    @Test
    void reasonsAndTextAreRequired() {
        assertThatThrownBy(() -> new Reason(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Reason("rule", " why ").message()).isEqualTo("why");
    }
}
