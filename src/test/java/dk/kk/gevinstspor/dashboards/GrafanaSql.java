package dk.kk.gevinstspor.dashboards;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What Grafana's PostgreSQL data source does to a query before it runs it: template variables replaced (a value
 * list of a multi-value or "All" variable quoted and comma-separated, as Grafana formats it for SQL) and its macros
 * expanded for a time range. A macro or variable format this class does not know fails, so a dashboard cannot pass
 * the tests with SQL Grafana would send differently.
 */
final class GrafanaSql {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::(\\w+))?}|\\$(?!__)(\\w+)");
    private static final Pattern MACRO = Pattern.compile("\\$__(\\w+)(?:\\(([^()]*)\\))?");

    private final Instant from;
    private final Instant to;

    GrafanaSql(Instant from, Instant to) {
        this.from = from;
        this.to = to;
    }

    /** The SQL Grafana sends: variables first, then macros. */
    String expand(String sql, Map<String, Variable> variables) {
        return macros(variables(sql, variables));
    }

    /** A variable's current value(s); {@code multi} for a multi-value or "All" selection. */
    record Variable(List<String> values, boolean multi) {
    }

    static String variables(String sql, Map<String, Variable> variables) {
        Matcher m = VARIABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3);
            Variable v = variables.get(name);
            if (v == null) {
                throw new AssertionError("Unknown variable $" + name + " in: " + sql);
            }
            String format = m.group(2) == null ? (v.multi() ? "sqlstring" : "raw") : m.group(2);
            String value = switch (format) {
                case "sqlstring" -> v.values().stream().map(GrafanaSql::quote).collect(Collectors.joining(","));
                case "raw", "csv" -> String.join(",", v.values());
                default -> throw new AssertionError("Variable format :" + format + " is not checked by the tests: " + sql);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    String macros(String sql) {
        Matcher m = MACRO.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> args = m.group(2) == null ? List.of() : List.of(m.group(2).split("\\s*,\\s*"));
            String value = switch (m.group(1)) {
                case "timeFilter" -> args.get(0) + " BETWEEN '" + from + "' AND '" + to + "'";
                case "timeFrom" -> "'" + from + "'";
                case "timeTo" -> "'" + to + "'";
                case "timeGroup" -> timeGroup(args);
                case "timeGroupAlias" -> timeGroup(args) + " AS \"time\"";
                default -> throw new AssertionError("Macro $__" + m.group(1) + " is not checked by the tests: " + sql);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String timeGroup(List<String> args) {
        return "floor(extract(epoch from " + args.get(0) + ")/" + seconds(args.get(1).replace("'", "")) + ")*"
                + seconds(args.get(1).replace("'", ""));
    }

    private static long seconds(String interval) {
        long n = Long.parseLong(interval.substring(0, interval.length() - 1));
        return n * switch (interval.charAt(interval.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3_600;
            case 'd' -> 86_400;
            case 'w' -> 604_800;
            case 'y' -> 31_536_000;
            default -> throw new AssertionError("Interval " + interval + " is not checked by the tests");
        };
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
