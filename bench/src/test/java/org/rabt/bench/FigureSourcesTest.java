package org.rabt.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's figures read from the hub's GC log and from /proc: what those readers make of real lines. */
class FigureSourcesTest {

    @Test
    void theHeapPeakIsTheFullestHeapBeforeAnyPause() {
        List<String> log = List.of(
                "[0.012s][info][gc] Using G1",
                "[3.101s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->6M(512M) 7.211ms",
                "[41.820s][info][gc] GC(7) Pause Young (Concurrent Start) (G1 Humongous Allocation) 311M->120M(512M) 12.002ms",
                "[41.900s][info][gc] GC(8) Concurrent Mark Cycle",
                "[52.004s][info][gc] GC(9) Pause Remark 140M->139M(512M) 3.100ms",
                "[60.000s][info][gc] GC(10) Pause Full (System.gc()) 298M->80M(512M) 95.000ms");

        assertThat(GcLogHeap.peak(log)).isEqualTo(311);
        assertThat(GcLogHeap.peak(List.of("[0.012s][info][gc] Using G1"))).isZero();
    }

    @Test
    void cpuSecondsAreCountedAfterTheCommandNameWhateverItHolds() {
        // pid (comm) state ppid ... utime=field 14, stime=15, cutime=16, cstime=17; a name with spaces and ')'
        String stat = "4242 (postgres: x) y) S 1 4242 4242 0 -1 4194560 1200 0 0 0 250 130 40 10 20 0 1 0 99 0 0";

        assertThat(CpuTime.secondsOf(stat, false)).isCloseTo(3.80, within(1e-9));
        assertThat(CpuTime.secondsOf(stat, true)).isCloseTo(4.30, within(1e-9));
    }
}
