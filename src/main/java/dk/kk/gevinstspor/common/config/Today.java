package dk.kk.gevinstspor.common.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one place that answers "what day and year is it". Reads {@code gevinstspor.today} (tests fix the clock
 * with it); without it, the real date in Copenhagen.
 */
@ApplicationScoped
public class Today {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final GevinstsporConfig config;
    private final Clock clock;

    @Inject
    public Today(GevinstsporConfig config) {
        this(config, Clock.system(COPENHAGEN));
    }

    Today(GevinstsporConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public LocalDate date() {
        return config.today().orElseGet(() -> LocalDate.now(clock));
    }

    /** The current calendar (= fiscal) year. */
    public int year() {
        return date().getYear();
    }

    /** The last year whose accounts are closed: the default accounts year for evaluations. */
    public int lastCompletedYear() {
        return year() - 1;
    }
}
