package org.rabt.bench;

import java.util.Arrays;
import org.rabt.bench.passthrough.PassThroughApplication;

/**
 * {@code java -jar rabt-bench.jar run [--quick]} measures the hub against the raw pass-through;
 * {@code java -jar rabt-bench.jar passthrough ...} is the pass-through itself (started by {@code run});
 * {@code java -jar rabt-bench.jar report [--cards N]} times the annual report over N cards (ReportBench);
 * {@code java -jar rabt-bench.jar chaos kill-node|kill-broker|sector-outage ...} runs a chaos run (Chaos);
 * {@code java -jar rabt-bench.jar two-nodes ...} measures one production node beside two (TwoNodes).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("steps")) {
            StepCosts.run();
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("report")) {
            ReportBench.run(Arrays.copyOfRange(args, 1, args.length));
            System.exit(0);
        }
        if (args.length > 0 && (args[0].equals("chaos") || args[0].equals("two-nodes"))) {
            int status;
            try {
                String[] rest = Arrays.copyOfRange(args, 1, args.length);
                status = args[0].equals("chaos") ? Chaos.run(rest) : TwoNodes.run(rest);
            } catch (Exception | Error e) {
                Figures.note(args[0] + " failed: " + e);
                e.printStackTrace();
                status = 2;
            }
            // the HTTP clients' pools would keep the JVM alive
            System.exit(status);
        }
        if (args.length > 0 && args[0].equals("passthrough")) {
            PassThroughApplication.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        BenchOptions options = BenchOptions.parse(args.length > 0 && args[0].equals("run")
                ? Arrays.copyOfRange(args, 1, args.length) : args);
        int status = 0;
        try {
            new Benchmark(options).run();
        } catch (Exception | Error e) {
            Figures.note("benchmark failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        // The HTTP client's and the stub's pools would keep the JVM alive; the run is over.
        System.exit(status);
    }
}
