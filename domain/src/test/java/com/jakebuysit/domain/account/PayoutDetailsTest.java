package com.jakebuysit.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.PayoutMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayoutDetailsTest {

    @Test
    void stripeAccountIsMaskedToItsLastFour() {
        PayoutDetails details = new PayoutDetails.StripeAccount(" acct_1Nv0FGQ9RKHgCVdK ");
        assertThat(details.method()).isEqualTo(PayoutMethod.STRIPE);
        assertThat(details.masked()).contains("Stripe account \u2022\u2022\u2022\u2022CVdK");
        assertThat(details.toString()).doesNotContain("1Nv0FGQ9RKHg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "acct_", "acct_12", "cus_1Nv0FGQ9RKHgCVdK", "acct_1Nv0 FGQ9", "acct_ñññññññ"})
    void stripeAccountRefusesWhatIsNotAnAccountId(String bad) {
        assertThatThrownBy(() -> new PayoutDetails.StripeAccount(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bankAccountChecksTheRoutingNumberAndShowsOnlyTheLastFourDigits() {
        PayoutDetails details = new PayoutDetails.BankAccount("011000015", "0001234567");
        assertThat(details.method()).isEqualTo(PayoutMethod.STRIPE);
        assertThat(details.masked()).contains("Bank account \u2022\u2022\u2022\u2022 4567");
        assertThat(details.toString()).doesNotContain("011000015").doesNotContain("0001234567");
        assertThat(new PayoutDetails.BankAccount("021-000-021", "1234 5678").accountNumber()).isEqualTo("12345678");
    }

    @Test
    void bankAccountRefusesABadChecksumOrLength() {
        assertThatThrownBy(() -> new PayoutDetails.BankAccount("011000016", "12345678"))
                .hasMessageContaining("routingNumber");
        assertThatThrownBy(() -> new PayoutDetails.BankAccount("01100001", "12345678"))
                .hasMessageContaining("routingNumber");
        assertThatThrownBy(() -> new PayoutDetails.BankAccount("011000015", "123"))
                .hasMessageContaining("accountNumber");
        assertThatThrownBy(() -> new PayoutDetails.BankAccount("011000015", "123456789012345678"))
                .hasMessageContaining("accountNumber");
        assertThatThrownBy(() -> new PayoutDetails.BankAccount("011000015", "12345abc"))
                .hasMessageContaining("accountNumber");
    }

    @Test
    void payPalShowsTheFirstLetterAndTheDomain() {
        PayoutDetails details = new PayoutDetails.PayPalAccount(Email.of("jane.doe@example.com"));
        assertThat(details.method()).isEqualTo(PayoutMethod.PAYPAL);
        assertThat(details.masked()).contains("j\u2022\u2022\u2022@example.com");
        assertThat(details.toString()).doesNotContain("jane.doe");
    }

    @Test
    void jakeBucksHasNothingToShow() {
        assertThat(new PayoutDetails.JakeBucks().method()).isEqualTo(PayoutMethod.JAKE_BUCKS);
        assertThat(new PayoutDetails.JakeBucks().masked()).isEmpty();
    }

    @Test
    void phoneNumbersAreKeptInInternationalForm() {
        assertThat(PhoneNumber.of(" +1 (512) 555-0123 ").value()).isEqualTo("+15125550123");
        assertThat(PhoneNumber.of("+44.20.7946.0958").value()).isEqualTo("+442079460958");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5125550123", "+0123456789", "+1 555", "+1234567890123456", "+1-512-CALL-NOW", "++15125550123"})
    void phoneNumbersThatAreNotE164AreRefused(String bad) {
        assertThatThrownBy(() -> PhoneNumber.of(bad)).isInstanceOf(IllegalArgumentException.class);
    }
}
