package dk.kk.gevinstspor.common.web.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A grouped bar chart drawn as SVG on the server: no JavaScript, crisp in print. Each category (a year, an
 * administration, a status) has one bar per series. The scale is computed from the BigDecimal figures here;
 * every bar carries its exact figure ({@code data-value}), series and category, and a tooltip ({@code <title>}).
 * The chart as a whole has a {@code <title>} and a {@code <desc>} (its text alternative; the page shows the
 * same figures in a table beside it).
 */
public final class BarChart {

    /** One series: its name (legend) and the value of each category, in the categories' order (null: no bar). */
    public record Series(String name, List<BigDecimal> values) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    static final int LEFT = 80;
    static final int RIGHT = 10;
    static final int TOP = 30;
    static final int BOTTOM = 50;
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final String id;
    private final String title;
    private final String description;
    private final List<String> categories;
    private final List<Series> series;
    private final Function<BigDecimal, String> label;

    /**
     * @param id a unique prefix for the element ids on the page
     * @param label how a figure is written in the axis and the tooltips (e.g. in 1.000 kr.)
     */
    public BarChart(String id, String title, String description, List<String> categories, List<Series> series,
            Function<BigDecimal, String> label) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        this.label = label;
        for (Series s : this.series) {
            if (s.values().size() != this.categories.size()) {
                throw new IllegalArgumentException("Series " + s.name() + " has " + s.values().size() + " values for "
                        + this.categories.size() + " categories");
            }
        }
    }

    /** True when there is nothing to draw (no category, or every value absent or zero). */
    public boolean isEmpty() {
        return series.stream().flatMap(s -> s.values().stream()).noneMatch(v -> v != null && v.signum() != 0);
    }

    /** The scale's top and bottom: 0 and a "nice" round number above the largest figure (below the smallest when negative). */
    Scale scale() {
        BigDecimal max = BigDecimal.ZERO;
        BigDecimal min = BigDecimal.ZERO;
        for (Series s : series) {
            for (BigDecimal v : s.values()) {
                if (v != null) {
                    max = max.max(v);
                    min = min.min(v);
                }
            }
        }
        BigDecimal step = niceStep(max.subtract(min));
        BigDecimal top = roundAway(max, step);
        BigDecimal bottom = roundAway(min, step);
        return new Scale(bottom, top, step);
    }

    /** The axis: bottom..top in steps of {@code step}; both are multiples of the step. */
    record Scale(BigDecimal bottom, BigDecimal top, BigDecimal step) {

        BigDecimal range() {
            return top.subtract(bottom);
        }
    }

    /** A step of 1, 2 or 5 × 10^n giving about four intervals over the range (1 for an empty range). */
    static BigDecimal niceStep(BigDecimal range) {
        if (range.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal rough = range.divide(BigDecimal.valueOf(4), PRECISION);
        int exponent = rough.precision() - rough.scale() - 1;
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
        BigDecimal fraction = rough.divide(power, PRECISION);
        BigDecimal nice = fraction.compareTo(BigDecimal.ONE) <= 0 ? BigDecimal.ONE
                : fraction.compareTo(BigDecimal.valueOf(2)) <= 0 ? BigDecimal.valueOf(2)
                        : fraction.compareTo(BigDecimal.valueOf(5)) <= 0 ? BigDecimal.valueOf(5) : BigDecimal.TEN;
        return nice.multiply(power).stripTrailingZeros();
    }

    private static BigDecimal roundAway(BigDecimal value, BigDecimal step) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return value.divide(step, 0, value.signum() > 0 ? RoundingMode.CEILING : RoundingMode.FLOOR).multiply(step);
    }

    /** The SVG element, to be placed in an HTML page as it is. */
    public String svg() {
        Scale scale = scale();
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\" id=\"").append(id).append("\" data-scale-top=\"")
                .append(scale.top().toPlainString()).append("\" data-scale-bottom=\"").append(scale.bottom().toPlainString()).append("\">");
        out.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        out.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
        // grid lines and axis labels
        for (BigDecimal tick = scale.bottom(); tick.compareTo(scale.top()) <= 0; tick = tick.add(scale.step())) {
            String y = coordinate(TOP + plotHeight - fraction(tick.subtract(scale.bottom()), scale.range()) * plotHeight);
            out.append("<line class=\"grid").append(tick.signum() == 0 ? " zero" : "").append("\" x1=\"").append(LEFT).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>");
            out.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(escape(label.apply(tick))).append("</text>");
        }
        double groupWidth = categories.isEmpty() ? plotWidth : (double) plotWidth / categories.size();
        double barWidth = groupWidth * 0.8 / Math.max(1, series.size());
        double zeroY = TOP + plotHeight - fraction(scale.bottom().negate(), scale.range()) * plotHeight;
        for (int c = 0; c < categories.size(); c++) {
            double groupX = LEFT + c * groupWidth + groupWidth * 0.1;
            for (int s = 0; s < series.size(); s++) {
                BigDecimal value = series.get(s).values().get(c);
                if (value == null) {
                    continue;
                }
                double height = fraction(value.abs(), scale.range()) * plotHeight;
                double y = value.signum() >= 0 ? zeroY - height : zeroY;
                out.append("<rect class=\"bar series-").append(s).append("\" x=\"").append(coordinate(groupX + s * barWidth))
                        .append("\" y=\"").append(coordinate(y)).append("\" width=\"").append(coordinate(barWidth)).append("\" height=\"")
                        .append(coordinate(height)).append("\" data-series=\"").append(escape(series.get(s).name()))
                        .append("\" data-category=\"").append(escape(categories.get(c))).append("\" data-value=\"")
                        .append(value.toPlainString()).append("\"><title>").append(escape(series.get(s).name() + ", "
                                + categories.get(c) + ": " + label.apply(value))).append("</title></rect>");
            }
            out.append("<text class=\"category\" x=\"").append(coordinate(LEFT + c * groupWidth + groupWidth / 2)).append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 16).append("\" text-anchor=\"middle\">").append(escape(categories.get(c))).append("</text>");
        }
        // legend
        for (int s = 0; s < series.size(); s++) {
            int x = LEFT + s * 200;
            out.append("<rect class=\"legend series-").append(s).append("\" x=\"").append(x).append("\" y=\"").append(HEIGHT - 18)
                    .append("\" width=\"12\" height=\"12\"/>");
            out.append("<text class=\"legend\" x=\"").append(x + 18).append("\" y=\"").append(HEIGHT - 8).append("\">")
                    .append(escape(series.get(s).name())).append("</text>");
        }
        out.append("</svg>");
        return out.toString();
    }

    /** part / whole as a double between 0 and 1, for drawing only (the figures stay BigDecimal). */
    static double fraction(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? 0 : part.divide(whole, PRECISION).doubleValue();
    }

    private static String coordinate(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return svg();
    }
}
