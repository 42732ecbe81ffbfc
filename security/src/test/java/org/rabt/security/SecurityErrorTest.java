package org.rabt.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SecurityErrorTest {

    @Test
    void codesAreUniqueAndFollowTheRabtPattern() {
        assertThat(Arrays.stream(SecurityError.values()).map(SecurityError::code))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("RABT-[SA]\\d{3}") || code.equals("RABT-I018"));
    }

    @Test
    void theContractCodesKeepTheirMeaning() {
        assertThat(SecurityError.SIGNATURE_MISSING.code()).isEqualTo("RABT-S001");
        assertThat(SecurityError.SIGNATURE_MALFORMED.code()).isEqualTo("RABT-S002");
        assertThat(SecurityError.SIGNATURE_INVALID.code()).isEqualTo("RABT-S003");
        assertThat(SecurityError.SIGNED_BY_OTHER_SECTOR.code()).isEqualTo("RABT-S004");
        assertThat(SecurityError.SIGNER_CERTIFICATE_NOT_VALID.code()).isEqualTo("RABT-S005");
        assertThat(SecurityError.UNKNOWN_SIGNER.code()).isEqualTo("RABT-S006");
        assertThat(SecurityError.CERTIFICATE_REVOKED.code()).isEqualTo("RABT-S007");
        assertThat(SecurityError.CERTIFICATE_OF_OTHER_SECTOR.code()).isEqualTo("RABT-A002");
        assertThat(SecurityError.CERTIFICATE_NAMES_NO_SECTOR.code()).isEqualTo("RABT-A003");
        assertThat(SecurityError.CARD_NOT_SEALED.code()).isEqualTo("RABT-I018");
    }

    @Test
    void aViolationCarriesCodeTitleAndTheActionableSentence() {
        SecurityViolation violation = new SecurityViolation(SecurityError.SIGNATURE_MISSING, "Send a signature.");

        assertThat(violation.code()).isEqualTo("RABT-S001");
        assertThat(violation.title()).isEqualTo("Signature missing");
        assertThat(violation.detail()).isEqualTo("Send a signature.");
        assertThat(violation.getMessage()).isEqualTo("RABT-S001: Send a signature.");
    }

    @Test
    void senderFaultsAndHubFaultsCannotBeThrownAsEachOther() {
        assertThatThrownBy(() -> new SecurityViolation(SecurityError.PKI_STORAGE, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecurityMisconfiguration(SecurityError.SIGNATURE_INVALID, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
