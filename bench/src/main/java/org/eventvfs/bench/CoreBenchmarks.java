package org.eventvfs.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the core benchmarks and prints each figure beside its goal. Arguments are JMH options
 * (such as {@code -i 1} or {@code -prof gc}) and override the benchmarks' own settings.
 */
public final class CoreBenchmarks {
    private static final double WRITER_GOAL = 50_000;
    private static final double REPLAY_GOAL = 500_000;
    private static final double LOOKUP_GOAL_NS = 10_000;
    private static final double HEAP_GOAL = 1024;
    private static final String ROW = "%-46s %22s %12s %11s  %s%n";

    private final Map<String, Result<?>> results = new HashMap<>();

    private CoreBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException,
            InterruptedException {
        double heapPerNode = heapPerNode();
        CoreBenchmarks summary = new CoreBenchmarks();
        for (RunResult run : new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(WriterThroughput.class.getName())
                .include(ReplayThroughput.class.getName())
                .include(VolumeLoad.class.getName())
                .include(AsOfLookup.class.getName())
                .include(EventCodecCost.class.getName())
                .build()).run()) {
            summary.add(run);
        }
        summary.print(heapPerNode);
    }

    /** Measures the heap in a JVM of its own, so that nothing else this run allocated is counted. */
    private static double heapPerNode() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xms6g", "-Xmx6g", "-cp", System.getProperty("java.class.path"),
                HeapPerNode.class.getName()).redirectErrorStream(true).start();
        double perNode = Double.NaN;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("# heap: " + line);
                if (line.startsWith("bytes/node ")) {
                    perNode = Double.parseDouble(line.substring("bytes/node ".length()));
                }
            }
        }
        if (child.waitFor() != 0 || Double.isNaN(perNode)) {
            throw new IllegalStateException("the heap measurement failed; its output is above");
        }
        return perNode;
    }

    /** Keeps a result under "Class.method", or "Class.method:param" for a parameterised one. */
    private void add(RunResult run) {
        String name = run.getParams().getBenchmark().substring(CoreBenchmarks.class.getPackageName().length() + 1);
        String startFrom = run.getParams().getParam("startFrom");
        results.put(startFrom == null ? name : name + ":" + startFrom, run.getPrimaryResult());
    }

    private void print(double heapPerNode) {
        System.out.println();
        System.out.printf(Locale.ROOT, ROW, "measurement", "result", "goal", "result/goal", "");
        score("WriterThroughput.createFile", r -> atLeast("writer: CreateFile, 64 callers, fsync", r, "ops/s",
                WRITER_GOAL));
        score("WriterThroughput.setAttributes", r -> atLeast("writer: SetAttributes, 64 callers, fsync", r,
                "ops/s", WRITER_GOAL));
        score("ReplayThroughput.replay", r -> atLeast("replay: log -> new projection", eventsPerSecond(r),
                "events/s", REPLAY_GOAL));
        score("ReplayThroughput.readLog", r -> info("  of which read + decode only", eventsPerSecond(r),
                "events/s"));
        score("VolumeLoad.open:log", r -> {
            info("Vfs.open + volume(), no snapshot", r / 1000, "s");
            atLeast("  as events/s", eventsPerSecond(r), "events/s", REPLAY_GOAL);
        });
        score("VolumeLoad.open:snapshot", r -> info("Vfs.open + volume(), from snapshot", r / 1000, "s"));
        percentile("AsOfLookup.pastLookup", p50 -> atMost("as-of lookup, depth 10, past: p50", p50, "ns",
                LOOKUP_GOAL_NS));
        percentile("AsOfLookup.headLookup", p50 -> atMost("as-of lookup, depth 10, head: p50", p50, "ns",
                LOOKUP_GOAL_NS));
        atMost("heap per node, 1,000,000-node projection", heapPerNode, "B/node", HEAP_GOAL);
        score("EventCodecCost.seal", r -> info("one event: seal (writer's event loop)", r, "ns"));
        score("EventCodecCost.encode", r -> info("one event: encode (log append)", r, "ns"));
        score("EventCodecCost.decode", r -> info("one event: decode (replay)", r, "ns"));
    }

    private void score(String name, DoubleConsumer row) {
        Result<?> result = results.get(name);
        if (result != null) {
            row.accept(result.getScore());
        }
    }

    private void percentile(String name, DoubleConsumer row) {
        Result<?> result = results.get(name);
        if (result != null) {
            row.accept(result.getStatistics().getPercentile(50));
        }
    }

    /** Events per second of a replay of the shared log that took {@code millis}. */
    private static double eventsPerSecond(double millis) {
        return ReplayThroughput.EVENTS / (millis / 1000);
    }

    private static void atLeast(String what, double value, String unit, double goal) {
        row(what, value, unit, ">= " + number(goal), value / goal, value >= goal);
    }

    private static void atMost(String what, double value, String unit, double goal) {
        row(what, value, unit, "<= " + number(goal), value / goal, value <= goal);
    }

    private static void row(String what, double value, String unit, String goal, double ratio, boolean met) {
        System.out.printf(Locale.ROOT, ROW, what, number(value) + " " + unit, goal,
                String.format(Locale.ROOT, "%.2f", ratio), met ? "met" : "MISSED");
    }

    private static void info(String what, double value, String unit) {
        System.out.printf(Locale.ROOT, ROW, what, number(value) + " " + unit, "", "", "");
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
