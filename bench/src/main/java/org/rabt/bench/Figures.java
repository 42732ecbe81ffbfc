package org.rabt.bench;

import java.util.Locale;

/** The output: one figure per line, {@code name value unit}, comparable from run to run. */
final class Figures {

    private Figures() {
    }

    static void print(String name, double value, String unit) {
        System.out.println(unit.isEmpty() ? name + " " + format(value)
                : String.format(Locale.ROOT, "%s %s %s", name, format(value), unit));
        System.out.flush();
    }

    static void note(String text) {
        System.err.println("# " + text);
    }

    /** The machine's load average (1, 5, 15 min), where the system shows it: how busy the other processes kept it. */
    static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e12
                ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
