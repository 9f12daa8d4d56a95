package dk.kk.gevinstspor.report;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Times a report in the timer {@code gevinstspor.report.duration}, tagged with the report: {@link #value()}, or
 * the method's {@link dk.kk.gevinstspor.domain.ReportKind} argument when empty ({@link ReportTimer}).
 */
@InterceptorBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ReportTimed {

    @Nonbinding
    String value() default "";
}
