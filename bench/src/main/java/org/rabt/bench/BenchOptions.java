package org.rabt.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a benchmark run does. {@code --quick} (under 3 minutes) shortens every phase; the full run
 * stays under 15.
 *
 * @param concurrency connections of the closed-loop (maximum throughput) phase
 * @param rate        cards per second of the fixed-rate (latency) phase
 * @param consumers   delivery consumers of the receiving sector, in the hub and the pass-through alike
 */
record BenchOptions(
        boolean quick,
        Path hubJar,
        Path benchJar,
        int concurrency,
        int rate,
        Duration warmUp,
        Duration throughput,
        Duration latency,
        int consumers,
        java.util.List<String> hubArguments,
        java.util.List<String> jvmArguments) {

    static BenchOptions parse(String[] args) {
        boolean quick = false;
        Path hubJar = Path.of("config/target/rabt.jar");
        Path benchJar = Path.of("bench/target/rabt-bench.jar");
        int concurrency = 16;
        int rate = 500;
        int consumers = 4;
        java.util.List<String> hubArguments = new java.util.ArrayList<>();
        java.util.List<String> jvmArguments = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--hub-jar" -> hubJar = Path.of(args[++i]);
                case "--bench-jar" -> benchJar = Path.of(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--consumers" -> consumers = Integer.parseInt(args[++i]);
                case "--hub-arg" -> hubArguments.add(args[++i]);
                case "--jvm-arg" -> jvmArguments.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: run [--quick] [--hub-jar JAR] [--bench-jar JAR] [--concurrency N] [--rate N] [--consumers N] [--hub-arg ARG]... [--jvm-arg ARG]...");
            }
        }
        return quick
                ? new BenchOptions(true, hubJar, benchJar, concurrency, rate, Duration.ofSeconds(10),
                        Duration.ofSeconds(15), Duration.ofSeconds(10), consumers, hubArguments, jvmArguments)
                : new BenchOptions(false, hubJar, benchJar, concurrency, rate, Duration.ofSeconds(30),
                        Duration.ofSeconds(60), Duration.ofSeconds(60), consumers, hubArguments, jvmArguments);
    }
}
