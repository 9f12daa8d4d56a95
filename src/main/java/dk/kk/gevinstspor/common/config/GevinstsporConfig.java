package dk.kk.gevinstspor.common.config;

import java.time.LocalDate;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The service's own settings (prefix {@code gevinstspor}); defaults live in application.properties. */
@ConfigMapping(prefix = "gevinstspor")
public interface GevinstsporConfig {

    /** "Today" for every what-year-is-it question; empty means the real date. */
    Optional<LocalDate> today();
}
