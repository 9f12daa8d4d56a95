package dk.kk.gevinstspor.common.error;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.ValidationError;

/**
 * Collects what is wrong with a request so that the client hears of every error at once
 * (422 with all codes), not of the first only.
 */
public final class ValidationErrors {

    /** The largest amount a {@code numeric(15,2)} column holds. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");

    public static final String AMOUNT_NEGATIVE = "AMOUNT_NEGATIVE";
    public static final String AMOUNT_TOO_MANY_DECIMALS = "AMOUNT_TOO_MANY_DECIMALS";
    public static final String AMOUNT_TOO_LARGE = "AMOUNT_TOO_LARGE";

    private final List<Problem.Error> errors = new ArrayList<>();

    public ValidationErrors add(String field, String code, String message) {
        errors.add(new Problem.Error(field, null, null, code, message));
        return this;
    }

    public ValidationErrors addAll(List<ValidationError> domainErrors) {
        domainErrors.forEach(e -> add(e.field(), e.code(), e.message()));
        return this;
    }

    /** An amount in kroner: at most two decimals, within the column's range, ≥ 0 unless it may be negative. */
    public ValidationErrors amount(String field, BigDecimal value, boolean mayBeNegative) {
        if (value == null) {
            return this;
        }
        if (value.stripTrailingZeros().scale() > Amount.SCALE) {
            add(field, AMOUNT_TOO_MANY_DECIMALS, "Beløbet må højst have to decimaler: " + value.toPlainString());
        }
        if (!mayBeNegative && value.signum() < 0) {
            add(field, AMOUNT_NEGATIVE, "Beløbet må ikke være negativt");
        }
        magnitude(field, value);
        return this;
    }

    /** Only the range of the column (the domain checks the rest). */
    public ValidationErrors magnitude(String field, BigDecimal value) {
        if (value != null && value.abs().compareTo(MAX_AMOUNT) > 0) {
            add(field, AMOUNT_TOO_LARGE, "Beløbet er for stort (højst 9.999.999.999.999,99 kr.)");
        }
        return this;
    }

    /** A key figure: at most four decimals and twelve digits before the decimal point. */
    public ValidationErrors figure(String field, BigDecimal value) {
        if (value == null) {
            return this;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 4) {
            add(field, "NUMBER_TOO_MANY_DECIMALS", "Tallet må højst have fire decimaler: " + value.toPlainString());
        }
        if (stripped.precision() - stripped.scale() > 14) {
            add(field, "NUMBER_TOO_LARGE", "Tallet er for stort");
        }
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<Problem.Error> list() {
        return List.copyOf(errors);
    }

    /** @throws ApiException 422 with every error collected, if there is any */
    public void throwIfAny(String detail) {
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(detail, errors);
        }
    }
}
