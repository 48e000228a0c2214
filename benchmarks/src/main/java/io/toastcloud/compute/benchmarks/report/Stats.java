package io.toastcloud.compute.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Mean, median, min and max of a few repeated figures, and their formatting. */
public record Stats(double mean, double median, double min, double max, int n) {
    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(sum / n, median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** {@code 1.234 (1.200–1.260)} */
    public String meanWithRange(String format) {
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", mean, min, max);
    }

    /** {@code 1.234 (1.200–1.260)} with the median first */
    public String medianWithRange(String format) {
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median, min, max);
    }
}
