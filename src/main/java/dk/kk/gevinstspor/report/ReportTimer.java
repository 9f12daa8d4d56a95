package dk.kk.gevinstspor.report;

import java.util.Arrays;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dk.kk.gevinstspor.domain.ReportKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Records how long each report takes to compute, by report (a handful of values, never a committee or year). */
@ReportTimed
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ReportTimer {

    public static final String NAME = "gevinstspor.report.duration";

    private final MeterRegistry meters;

    public ReportTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    @AroundInvoke
    Object time(InvocationContext context) throws Exception {
        ReportTimed timed = context.getMethod().getAnnotation(ReportTimed.class);
        String report = timed != null && !timed.value().isEmpty() ? timed.value()
                : Arrays.stream(context.getParameters()).filter(ReportKind.class::isInstance).map(p -> ((ReportKind) p).name())
                        .findFirst().orElse(context.getMethod().getName());
        Timer.Sample sample = Timer.start(meters);
        try {
            return context.proceed();
        } finally {
            sample.stop(Timer.builder(NAME).description("Time to compute a report").tag("report", report).register(meters));
        }
    }
}
