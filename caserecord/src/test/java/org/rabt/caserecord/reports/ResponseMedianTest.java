package org.rabt.caserecord.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The median response time read off its distribution in tenths of a day. */
class ResponseMedianTest {

    @Test
    void anOddCountTakesTheMiddleOneAndAnEvenCountTheMeanOfTheTwoMiddleOnes() {
        TreeMap<Long, Long> tenths = new TreeMap<>();
        tenths.put(5L, 2L);   // two answered in half a day
        tenths.put(30L, 1L);  // one in three days
        assertThat(ReportQueries.median(tenths, 3)).isEqualTo(0.5);

        tenths.put(70L, 1L);  // and one in a week: 0.5, 0.5, 3, 7
        assertThat(ReportQueries.median(tenths, 4)).isEqualTo(1.8);
    }

    @Test
    void nothingAnsweredHasNoMedian() {
        assertThat(ReportQueries.median(new TreeMap<>(), 0)).isNull();
    }
}
