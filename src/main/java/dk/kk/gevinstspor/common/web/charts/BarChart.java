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
 * same figures in a table beside it); {@link #figure()} puts it in a {@code <figure>} under a visible title, or, when
 * there is nothing to draw, a message instead of an empty chart. Series (or, for a status chart, categories) are told
 * apart by colour and by pattern ({@link Fill}), never by colour alone; a chart of one series writes each bar's figure
 * above it.
 */
public final class BarChart {

    /** One series: its name (legend) and the value of each category, in the categories' order (null: no bar). */
    public record Series(String name, List<BigDecimal> values) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /**
     * How a bar is filled: a colour with at least 3:1 contrast against white (WCAG 1.4.11) and a pattern of white
     * lines over it: {@code solid}, {@code stripes} (diagonal), {@code cross} (cross-hatch), {@code dots}, {@code bars}
     * (vertical) or {@code rows} (horizontal).
     */
    public record Fill(String colour, String pattern) {
    }

    /** The series' fills, in order: blue solid, orange stripes, green dots. */
    static final List<Fill> SERIES_FILLS = List.of(new Fill("#0b4f8a", "solid"), new Fill("#b35900", "stripes"),
            new Fill("#3d6b1f", "dots"));

    /** The follow-up statuses' fills (Grøn, Gul, Rød, Mangler, Ikke startet) and a cancelled proposal's. */
    public static final java.util.Map<String, Fill> STATUS_FILLS = java.util.Map.of("GREEN", new Fill("#1e7b34", "solid"),
            "AMBER", new Fill("#8a6100", "stripes"), "RED", new Fill("#b3261e", "cross"), "MISSING", new Fill("#5c5c5c", "dots"),
            "NOT_STARTED", new Fill("#4a5a6a", "rows"), "CANCELLED", new Fill("#333333", "bars"));

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
    private final List<Fill> categoryFills;
    private final boolean wholeNumbers;
    private final String emptyMessage;

    /**
     * @param id a unique prefix for the element ids on the page
     * @param label how a figure is written in the axis and the tooltips (e.g. in 1.000 kr.)
     */
    public BarChart(String id, String title, String description, List<String> categories, List<Series> series,
            Function<BigDecimal, String> label) {
        this(id, title, description, categories, series, label, null, false, null);
    }

    private BarChart(String id, String title, String description, List<String> categories, List<Series> series,
            Function<BigDecimal, String> label, List<Fill> categoryFills, boolean wholeNumbers, String emptyMessage) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        this.label = label;
        this.categoryFills = categoryFills == null ? null : List.copyOf(categoryFills);
        this.wholeNumbers = wholeNumbers;
        this.emptyMessage = emptyMessage != null ? emptyMessage
                : "Ingen tal at vise for " + title.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + title.substring(1) + ".";
        if (this.categoryFills != null && this.categoryFills.size() != this.categories.size()) {
            throw new IllegalArgumentException(this.categoryFills.size() + " fills for " + this.categories.size() + " categories");
        }
        for (Series s : this.series) {
            if (s.values().size() != this.categories.size()) {
                throw new IllegalArgumentException("Series " + s.name() + " has " + s.values().size() + " values for "
                        + this.categories.size() + " categories");
            }
        }
    }

    /** The same chart with each category's bars in a fill of its own (a status chart: no legend, the categories name them). */
    public BarChart withCategoryFills(List<Fill> fills) {
        return new BarChart(id, title, description, categories, series, label, fills, wholeNumbers, emptyMessage);
    }

    /** The same chart for counts: the axis steps by whole numbers (no "0,5 forslag"). */
    public BarChart wholeNumbers() {
        return new BarChart(id, title, description, categories, series, label, categoryFills, true, emptyMessage);
    }

    /** The same chart with the sentence shown instead of it when there is nothing to draw ("Ingen tal at vise for …"). */
    public BarChart whenEmpty(String message) {
        return new BarChart(id, title, description, categories, series, label, categoryFills, wholeNumbers, message);
    }

    /**
     * True when there is nothing to draw: no category, no figure, or (with several series, whose bars carry no figure
     * of their own) every figure zero. A chart of one series writes "0" over a zero bar, so its zeros are shown.
     */
    public boolean isEmpty() {
        boolean anyFigure = series.stream().flatMap(s -> s.values().stream()).anyMatch(Objects::nonNull);
        boolean anyNonZero = series.stream().flatMap(s -> s.values().stream()).anyMatch(v -> v != null && v.signum() != 0);
        return categories.isEmpty() || !anyFigure || (!labelled() && !anyNonZero);
    }

    /** One series: each bar's figure is written above it. */
    private boolean labelled() {
        return series.size() == 1;
    }

    /** The message shown instead of an empty chart. */
    public String emptyMessage() {
        return emptyMessage;
    }

    /**
     * The chart in a {@code <figure>} with its title visible ({@code <figcaption>}); when {@link #isEmpty()}, the
     * message instead of the drawing.
     */
    public String figure() {
        StringBuilder out = new StringBuilder("<figure class=\"chart\" id=\"").append(id).append("-figure\">");
        out.append("<figcaption class=\"chart-title\">").append(escape(title)).append("</figcaption>");
        if (isEmpty()) {
            out.append("<p class=\"chart-empty\">").append(escape(emptyMessage)).append("</p>");
        } else {
            out.append(svg());
        }
        return out.append("</figure>").toString();
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
        if (wholeNumbers && step.compareTo(BigDecimal.ONE) < 0) {
            step = BigDecimal.ONE;
        }
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
        List<Fill> fills = categoryFills != null ? categoryFills : series.stream().map(s -> SERIES_FILLS.get(series.indexOf(s) % 3)).toList();
        out.append("<defs>");
        for (int f = 0; f < fills.size(); f++) {
            out.append(pattern(id + "-fill-" + f, fills.get(f)));
        }
        out.append("</defs>");
        // grid lines and axis labels
        for (BigDecimal tick = scale.bottom(); tick.compareTo(scale.top()) <= 0; tick = tick.add(scale.step())) {
            String y = coordinate(TOP + plotHeight - fraction(tick.subtract(scale.bottom()), scale.range()) * plotHeight);
            out.append("<line class=\"grid").append(tick.signum() == 0 ? " zero" : "").append("\" x1=\"").append(LEFT).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>");
            out.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(escape(label.apply(tick))).append("</text>");
        }
        double groupWidth = categories.isEmpty() ? plotWidth : (double) plotWidth / categories.size();
        double barWidth = groupWidth * (labelled() ? 0.6 : 0.8) / Math.max(1, series.size());
        double zeroY = TOP + plotHeight - fraction(scale.bottom().negate(), scale.range()) * plotHeight;
        for (int c = 0; c < categories.size(); c++) {
            double groupX = LEFT + c * groupWidth + groupWidth * (labelled() ? 0.2 : 0.1);
            for (int s = 0; s < series.size(); s++) {
                BigDecimal value = series.get(s).values().get(c);
                if (value == null) {
                    continue;
                }
                int f = categoryFills != null ? c : s;
                double height = fraction(value.abs(), scale.range()) * plotHeight;
                double y = value.signum() >= 0 ? zeroY - height : zeroY;
                out.append("<rect class=\"bar series-").append(s).append("\" x=\"").append(coordinate(groupX + s * barWidth))
                        .append("\" y=\"").append(coordinate(y)).append("\" width=\"").append(coordinate(barWidth)).append("\" height=\"")
                        .append(coordinate(height)).append("\" fill=\"url(#").append(id).append("-fill-").append(f).append(")\" stroke=\"")
                        .append(fills.get(f).colour()).append("\" data-fill=\"").append(fills.get(f).colour()).append(' ')
                        .append(fills.get(f).pattern()).append("\" data-series=\"").append(escape(series.get(s).name()))
                        .append("\" data-category=\"").append(escape(categories.get(c))).append("\" data-value=\"")
                        .append(value.toPlainString()).append("\"><title>").append(escape(series.get(s).name() + ", "
                                + categories.get(c) + ": " + label.apply(value))).append("</title></rect>");
                if (labelled()) {
                    double textY = value.signum() >= 0 ? y - 5 : y + height + 14;
                    out.append("<text class=\"value\" x=\"").append(coordinate(groupX + barWidth / 2)).append("\" y=\"")
                            .append(coordinate(textY)).append("\" text-anchor=\"middle\">").append(escape(label.apply(value))).append("</text>");
                }
            }
            out.append("<text class=\"category\" x=\"").append(coordinate(LEFT + c * groupWidth + groupWidth / 2)).append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 16).append("\" text-anchor=\"middle\">").append(escape(categories.get(c))).append("</text>");
        }
        // legend: the series' names beside their fills (a chart coloured by category names its categories under the bars)
        for (int s = 0; categoryFills == null && s < series.size(); s++) {
            int x = LEFT + s * 200;
            out.append("<rect class=\"legend swatch series-").append(s).append("\" x=\"").append(x).append("\" y=\"").append(HEIGHT - 20)
                    .append("\" width=\"14\" height=\"14\" fill=\"url(#").append(id).append("-fill-").append(s).append(")\" stroke=\"")
                    .append(fills.get(s).colour()).append("\"/>");
            out.append("<text class=\"legend\" x=\"").append(x + 20).append("\" y=\"").append(HEIGHT - 8).append("\">")
                    .append(escape(series.get(s).name())).append("</text>");
        }
        out.append("</svg>");
        return out.toString();
    }

    /** A fill as an SVG pattern: the colour, with white lines or dots over it (none for {@code solid}). */
    private static String pattern(String id, Fill fill) {
        StringBuilder p = new StringBuilder("<pattern id=\"").append(id).append("\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"");
        if (fill.pattern().equals("stripes") || fill.pattern().equals("cross")) {
            p.append(" patternTransform=\"rotate(45)\"");
        }
        p.append("><rect width=\"8\" height=\"8\" fill=\"").append(fill.colour()).append("\"/>");
        String white = "\" stroke=\"#fff\" stroke-width=\"2.5\"/>";
        switch (fill.pattern()) {
            case "stripes", "bars" -> p.append("<line x1=\"4\" y1=\"0\" x2=\"4\" y2=\"8").append(white);
            case "rows" -> p.append("<line x1=\"0\" y1=\"4\" x2=\"8\" y2=\"4").append(white);
            case "cross" -> p.append("<line x1=\"4\" y1=\"0\" x2=\"4\" y2=\"8").append(white).append("<line x1=\"0\" y1=\"4\" x2=\"8\" y2=\"4")
                    .append(white);
            case "dots" -> p.append("<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#fff\"/>");
            default -> { // solid
            }
        }
        return p.append("</pattern>").toString();
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
