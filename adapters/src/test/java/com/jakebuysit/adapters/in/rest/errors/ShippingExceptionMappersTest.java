package com.jakebuysit.adapters.in.rest.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.application.port.AddressRejected;
import com.jakebuysit.application.port.CarrierUnavailable;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShippingExceptionMappersTest {

    @Test
    void an_unavailable_carrier_is_503_with_retry_after_in_whole_seconds_rounded_up() {
        Response response = new ShippingExceptionMappers.CarrierUnavailableMapper().toResponse(
                new CarrierUnavailable("easypost", "timed out", Duration.ofMillis(2500), null));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("3");
        ApiError body = (ApiError) response.getEntity();
        assertThat(body.code()).isEqualTo("CARRIER_UNAVAILABLE");
        assertThat(body.statusCode()).isEqualTo(503);
        assertThat(body.error()).doesNotContain("easypost", "timed out");
        assertThat(body.details()).isEqualTo(Map.of("retryAfterSeconds", 3L));
    }

    @Test
    void a_retry_after_under_a_second_still_says_one() {
        Response response = new ShippingExceptionMappers.CarrierUnavailableMapper().toResponse(
                new CarrierUnavailable("local", "busy", Duration.ZERO, null));

        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
    }

    @Test
    void a_rejected_address_is_422_naming_the_field() {
        Response response = new ShippingExceptionMappers.AddressRejectedMapper().toResponse(
                new AddressRejected("zip", "ZIP 10001 is not in TX"));

        assertThat(response.getStatus()).isEqualTo(422);
        ApiError body = (ApiError) response.getEntity();
        assertThat(body.code()).isEqualTo("ADDRESS_REJECTED");
        assertThat(body.error()).isEqualTo("ZIP 10001 is not in TX");
        assertThat(body.details()).isEqualTo(Map.of("field", "address.zip"));
    }
}
