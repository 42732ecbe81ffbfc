package org.rabt.caserecord.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rabt.mappings.cpm.ConcernCode;

class ConcernBitsTest {

    @Test
    void everyFormOfViolenceHasABitAndTheStoredPositionsNeverMove() {
        assertThat(ConcernBits.CODES).containsAll(Arrays.stream(ConcernCode.values()).map(ConcernCode::code).toList());
        assertThat(ConcernBits.CODES).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(31);
        // positions already written in databases: appending is fine, moving one is not
        assertThat(ConcernBits.CODES.subList(0, 3)).containsExactly("physical-violence", "sexual-violence",
                "psychological-violence");
        assertThat(ConcernBits.CODES.indexOf("protection-concern")).isEqualTo(15);
        assertThat(ConcernBits.maskOf(List.of("sexual-violence", "neglect", "not-a-code"))).isEqualTo(0b1010);
    }
}
